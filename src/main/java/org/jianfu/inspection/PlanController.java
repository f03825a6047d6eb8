package org.jianfu.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.platform.Years;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's entry page, the annual plan of a commission, and one item with its steps. */
@Controller
class PlanController {

    private final InspectionItems items;
    private final InspectionChecks checks;
    private final KeptFindings kept;
    private final InspectionAccess access;
    private final Cleanups cleanups;
    private final Mentions mentions;
    private final Units units;
    private final Refusals refusals;
    private final Clock clock;

    PlanController(InspectionItems items, InspectionChecks checks, KeptFindings kept, InspectionAccess access, Cleanups cleanups, Mentions mentions,
            Units units, Refusals refusals, Clock clock) {
        this.items = items;
        this.checks = checks;
        this.kept = kept;
        this.access = access;
        this.cleanups = cleanups;
        this.mentions = mentions;
        this.units = units;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/inspection")
    String index(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page, Model model) {
        int y = Years.orThisYear(year, clock);
        switch (me.role()) {
            case DISTRICT_REPORTER, DISTRICT_APPROVER -> {
                return "redirect:/inspection/plans/" + me.unitId() + "/" + y;
            }
            case SCHOOL_USER -> {
                return "redirect:/inspection/schools/" + me.unitId() + "/calendar?year=" + y;
            }
            case DEPARTMENT_USER -> model.addAttribute("mine", items.ofOrganizer(me));
            case CITY_ADMIN, SUPERVISOR -> {
                // A page of the districts in the official order (they sit right under the city: its children, not its
                // subtree of schools), their plans, filings and cleanups each read at once for the page.
                var all = units.children(me.unitId()).stream().filter(u -> u.type() == UnitType.DISTRICT && u.enabled()).toList();
                int pages = Math.max(1, (all.size() + DISTRICTS_PER_PAGE - 1) / DISTRICTS_PER_PAGE);
                int shown = Math.max(0, Math.min(page == null ? 0 : page, pages - 1));
                var districts = all.subList(shown * DISTRICTS_PER_PAGE, Math.min(all.size(), (shown + 1) * DISTRICTS_PER_PAGE));
                var enabled = districts.stream().map(Unit::id).toList();
                var tallies = items.tallies(enabled, y);
                var filings = items.latestFilings(enabled, y);
                var cleanupsOf = cleanups.of(enabled, y);
                model.addAttribute("districts", districts.stream().map(d -> new DistrictRow(d, tallies.getOrDefault(d.id(),
                        ItemRepository.PlanTally.NONE).approved(), filings.get(d.id()), cleanupsOf.get(d.id()))).toList());
                model.addAttribute("page", shown);
                model.addAttribute("pages", pages);
                model.addAttribute("previous", "/inspection?year=" + y + "&page=" + (shown - 1));
                model.addAttribute("next", "/inspection?year=" + y + "&page=" + (shown + 1));
            }
            default -> throw new AccessDeniedException("no inspection register for " + me.role());
        }
        model.addAttribute("year", y);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("planUnitId", access.planUnitOf(me).id());
        return "inspection/index";
    }

    record DistrictRow(Unit district, long approved, ItemRepository.Filing filing, Cleanup cleanup) {
    }

    /** Districts on one page of the register's entry page: a country has thousands. */
    static final int DISTRICTS_PER_PAGE = 50;

    // --- the plan

    /**
     * The plan; with {@code finding} (rule kinds), only the findings of those kinds, in the plan and in the visits: the rows a
     * ledger figure counted, for those who oversee the plan.
     */
    @GetMapping("/inspection/plans/{unitId}/{year}")
    String plan(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) List<RuleKind> finding, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer districtPage, Model model) {
        var all = items.ofPlan(me, unitId, year);
        var unit = units.get(unitId);
        var oversees = access.overseesPlan(me, unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("approved", all.stream().filter(i -> i.state() == ItemState.APPROVED).toList());
        model.addAttribute("inProgress", oversees ? all.stream().filter(i -> i.state() != ItemState.APPROVED).toList() : List.of());
        model.addAttribute("oversees", oversees);
        var filter = oversees && finding != null && !finding.isEmpty() ? EnumSet.copyOf(finding) : null;
        model.addAttribute("filter", filter);
        if (oversees) {
            var link = "/inspection/plans/" + unitId + "/" + year;
            FindingPage shown;
            if (KeptFindings.kept(unit)) {
                // The kept findings, brought up to date first: counted over the area, the rows a page at a time; a city's
                // districts are counted one by one, each linked to its own rows.
                // A district's page brings its own plan up to date; after a change every plan reads, the city's shows the
                // findings last kept, saying so, while they are rechecked in the background.
                var scope = kept.scope(unit);
                model.addAttribute("freshness", kept.current(scope, year));
                shown = kept.page(scope, year, filter, page, link);
                model.addAttribute("visitFindings", kept.visitFindings(scope, year));
                model.addAttribute("byDistrict", scope.isCity() ? kept.byDistrict(scope, year, filter, districtPage, link) : null);
            }
            else {
                var findings = checks.check(unitId, year);
                shown = FindingPage.of(findings.stream()
                        .filter(f -> filter == null ? !f.visits() : filter.contains(f.rule().kind())).toList(), page, link, filter);
                model.addAttribute("visitFindings", findings.stream().filter(Finding::visits).count());
                model.addAttribute("byDistrict", null);
            }
            model.addAttribute("findings", shown);
            model.addAttribute("mentions", mentions.ofFindings(me, year, shown.rows()));
        }
        model.addAttribute("filing", items.latestFiling(unitId, year).orElse(null));
        model.addAttribute("canFile", unit.type() == UnitType.DISTRICT && InspectionAccess.approvesFor(me, unitId));
        model.addAttribute("canDraft", InspectionAccess.draftsFor(me, unit));
        var cleanup = oversees && unit.type() == UnitType.DISTRICT ? cleanups.of(unitId, year) : null;
        model.addAttribute("overdueCleanup", cleanup != null && cleanup.overdue(LocalDate.now(clock)) ? cleanup : null);
        return "inspection/plan";
    }

    @PostMapping("/inspection/plans/{unitId}/{year}/file")
    String file(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long unitId, @PathVariable int year,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.plan-filed", () -> items.filePlan(me, unitId, year));
        return "redirect:/inspection/plans/" + unitId + "/" + year;
    }

    // --- one item

    @GetMapping("/inspection/items/{id}")
    String item(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var item = items.readable(me, id);
        model.addAttribute("item", item);
        model.addAttribute("organizer", units.get(item.organizerUnitId()));
        model.addAttribute("planUnit", units.get(item.planUnitId()));
        model.addAttribute("consultations", items.consultations(id));
        model.addAttribute("steps", items.steps(id));
        var drafts = InspectionAccess.draftsFor(me, units.get(item.organizerUnitId()));
        model.addAttribute("drafts", drafts);
        model.addAttribute("compiles", InspectionAccess.compilesFor(me, item.planUnitId()));
        model.addAttribute("approves", InspectionAccess.approvesFor(me, item.planUnitId()) && item.createdBy() != me.accountId());
        model.addAttribute("readsPlan", access.canReadPlan(me, item.planUnitId()));
        var mentioned = new java.util.LinkedHashSet<Long>();
        if (item.implementsItemId() != null) {
            mentioned.add(item.implementsItemId());
        }
        if (drafts || access.overseesPlan(me, item.planUnitId())) {
            var planUnit = units.get(item.planUnitId());
            List<Finding> findings;
            if (KeptFindings.kept(planUnit)) {
                var scope = kept.scope(planUnit);
                model.addAttribute("freshness", kept.current(scope, item.year()));
                findings = kept.involving(scope, item.year(), id);
            }
            else {
                findings = checks.check(item.planUnitId(), item.year()).stream().filter(f -> f.involves(id)).toList();
            }
            model.addAttribute("findings", findings);
            findings.forEach(f -> mentioned.addAll(f.itemIds()));
        }
        model.addAttribute("mentions", mentions.of(me, item.year(), mentioned));
        model.addAttribute("today", LocalDate.now(clock));
        return "inspection/item";
    }

    @GetMapping("/inspection/items/new")
    String newItem(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year, Model model) {
        InspectionAccess.require(InspectionAccess.draftsFor(me, units.get(me.unitId())), "drafting");
        int y = Years.orThisYear(year, clock);
        model.addAttribute("form", ItemForm.empty(y));
        return itemForm(me, null, model);
    }

    @PostMapping("/inspection/items")
    String create(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") ItemForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            var item = items.draft(me, form.toDraft());
            redirect.addFlashAttribute("success", "inspection.item-saved");
            return "redirect:/inspection/items/" + item.id();
        }
        catch (RuleViolation violation) {
            reject(violation, errors);
        }
        return itemForm(me, null, model);
    }

    @GetMapping("/inspection/items/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var item = items.readable(me, id);
        InspectionAccess.require(InspectionAccess.draftsFor(me, units.get(item.organizerUnitId())), "editing item " + id);
        model.addAttribute("form", ItemForm.of(item));
        return itemForm(me, item, model);
    }

    @PostMapping("/inspection/items/{id}")
    String update(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @ModelAttribute("form") ItemForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            items.update(me, id, form.version() == null ? -1 : form.version(), form.toDraft());
            redirect.addFlashAttribute("success", "inspection.item-saved");
            return "redirect:/inspection/items/" + id;
        }
        catch (RuleViolation violation) {
            reject(violation, errors);
        }
        catch (EditConflictException conflict) {
            errors.reject("inspection.error.conflict");
        }
        return itemForm(me, items.readable(me, id), model);
    }

    /** The windows are several inputs, not one form field: their refusal goes above the form. */
    private static void reject(RuleViolation violation, BindingResult errors) {
        if ("windows".equals(violation.field())) {
            errors.reject(violation.messageKey(), violation.arguments(), violation.messageKey());
        }
        else {
            violation.addTo(errors);
        }
    }

    private String itemForm(AccountPrincipal me, InspectionItem item, Model model) {
        var plan = item == null ? access.planUnitOf(me) : units.get(item.planUnitId());
        model.addAttribute("item", item);
        model.addAttribute("planUnit", plan);
        model.addAttribute("categories", InspectionCategory.values());
        model.addAttribute("targets", TargetKind.values());
        model.addAttribute("sections", List.of(org.jianfu.unit.SchoolStage.PRIMARY, org.jianfu.unit.SchoolStage.JUNIOR,
                org.jianfu.unit.SchoolStage.SENIOR));
        // the target schools chosen so far, by name; others are found by typing (unit/picker.html)
        var form = (ItemForm) model.getAttribute("form");
        model.addAttribute("chosenSchools", units.chosen(me, form.targetSchools()));
        var cityItems = new ArrayList<InspectionItem>();
        if (plan.type() == UnitType.DISTRICT && plan.parentId() != null) {
            var year = form.year();
            cityItems.addAll(items.approvedOfPlan(plan.parentId(), Years.orThisYear(year, clock)));
        }
        model.addAttribute("cityItems", cityItems);
        model.addAttribute("maxOccurrences", InspectionItems.MAX_OCCURRENCES);
        return "inspection/item-form";
    }

    /**
     * The item form: the filing fields and the windows as ISO dates, one row each, as many rows as were typed (the
     * service refuses more than {@link InspectionItems#MAX_OCCURRENCES}, saying so). With {@code recurrence} MONTHLY
     * the one window typed is repeated every month until {@code recurrenceUntil} (the end of the year when blank).
     */
    record ItemForm(Integer year, String name, String basis, String content, TargetKind targetKind, List<org.jianfu.unit.SchoolStage> targetStages,
            List<Long> targetSchools, String method, String participatingUnits, InspectionCategory category, Boolean joint,
            Long implementsItemId, List<String> starts, List<String> ends, String recurrence, String recurrenceUntil, Integer version) {

        /** Empty rows offered on a new item, and at least one more after those typed. */
        static final int ROWS = 6;
        static final String MONTHLY = "MONTHLY";

        static ItemForm empty(int year) {
            return new ItemForm(year, "", "", "", TargetKind.ALL_SCHOOLS, List.of(), List.of(), "", "", null, false, null,
                    List.of(), List.of(), "", "", 0);
        }

        static ItemForm of(InspectionItem i) {
            return new ItemForm(i.year(), i.name(), i.basis(), i.content(), i.targetKind(), List.copyOf(i.targetStages()), i.targetSchools(),
                    i.method(), i.participatingUnits(), i.category(), i.joint(), i.implementsItemId(),
                    i.windows().stream().map(w -> w.startsOn().toString()).toList(),
                    i.windows().stream().map(w -> w.endsOn().toString()).toList(), "", "", i.version());
        }

        /** The start (or end) date typed in row {@code n}, or empty. */
        public String start(int n) {
            return starts != null && n < starts.size() && starts.get(n) != null ? starts.get(n) : "";
        }

        public String end(int n) {
            return ends != null && n < ends.size() && ends.get(n) != null ? ends.get(n) : "";
        }

        /** How many rows the form shows: every row typed, and at least one empty one. */
        public int rows() {
            return Math.max(ROWS, typedRows() + 1);
        }

        private int typedRows() {
            return Math.max(starts == null ? 0 : starts.size(), ends == null ? 0 : ends.size());
        }

        public boolean monthly() {
            return MONTHLY.equals(recurrence);
        }

        ItemDraft toDraft() {
            var windows = new ArrayList<Window>();
            for (int n = 0; n < typedRows(); n++) {
                var from = start(n).strip();
                var to = end(n).strip();
                if (from.isEmpty() && to.isEmpty()) {
                    continue;
                }
                try {
                    var startsOn = LocalDate.parse(from);
                    windows.add(new Window(startsOn, to.isEmpty() ? startsOn : LocalDate.parse(to)));
                }
                catch (DateTimeParseException e) {
                    throw new RuleViolation("windows", "inspection.error.window-format");
                }
            }
            int y = year == null ? 0 : year;
            if (monthly()) {
                if (windows.size() != 1) {
                    throw new RuleViolation("windows", "inspection.error.recurrence-one-window");
                }
                var until = recurrenceUntil == null || recurrenceUntil.isBlank() ? null : Refusals.date(recurrenceUntil);
                var first = windows.remove(0);
                windows.addAll(first.monthlyUntil(until != null ? until : LocalDate.of(first.startsOn().getYear(), 12, 31)));
            }
            var stages = EnumSet.noneOf(org.jianfu.unit.SchoolStage.class);
            if (targetStages != null) {
                stages.addAll(targetStages);
            }
            return new ItemDraft(y, name, basis, content, targetKind, stages,
                    targetSchools == null ? List.of() : targetSchools, method, participatingUnits, category, Boolean.TRUE.equals(joint),
                    implementsItemId, windows);
        }
    }

    // --- steps

    @PostMapping("/inspection/items/{id}/{step}")
    String step(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable String step, @RequestParam int version,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Boolean agreed,
            @RequestParam(required = false) String body, @RequestParam(required = false) String document,
            @RequestParam(required = false) String approvedOn, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.step-done." + step, () -> {
            switch (step) {
            case "submit" -> items.submit(me, id, version);
            case "withdraw" -> items.withdraw(me, id, version);
            case "consult" -> items.consult(me, id, version, !Boolean.FALSE.equals(agreed), comment);
            case "compile" -> items.compile(me, id, version);
            case "return" -> items.returnToDraft(me, id, version, comment);
            case "approve" -> items.approve(me, id, version, body, document, Refusals.date(approvedOn));
            case "reject" -> items.reject(me, id, version, comment);
            default -> throw new InspectionNotFoundException("step " + step);
            }
        });
        return "redirect:/inspection/items/" + id;
    }
}
