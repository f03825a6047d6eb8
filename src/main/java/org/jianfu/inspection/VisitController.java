package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.platform.Years;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recorded visits with their flags for a district or the city, the form to record one, and a school's calendar. */
@Controller
class VisitController {

    private final Visits visits;
    private final InspectionItems items;
    private final InspectionChecks checks;
    private final KeptFindings kept;
    private final InspectionAccess access;
    private final Mentions mentions;
    private final Units units;
    private final Refusals refusals;
    private final Clock clock;

    VisitController(Visits visits, InspectionItems items, InspectionChecks checks, KeptFindings kept, InspectionAccess access, Mentions mentions,
            Units units, Refusals refusals, Clock clock) {
        this.visits = visits;
        this.items = items;
        this.checks = checks;
        this.kept = kept;
        this.access = access;
        this.mentions = mentions;
        this.units = units;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * The visits of a district and year, a page at a time; {@code flaggedOnly} keeps the flagged ones, {@code flag} (rule
     * kinds) those flagged by one of those kinds: the visits a ledger figure counted. A city's are millions: its list is its
     * districts, a page at a time, each with its count, linked to its own list with the same narrowing.
     */
    @GetMapping("/inspection/visits")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean flaggedOnly,
            @RequestParam(required = false) List<RuleKind> flag, @RequestParam(required = false) Integer page, Model model) {
        long area = unit == null ? me.unitId() : unit;
        int y = Years.orThisYear(year, clock);
        var areaUnit = visits.areaOf(me, area);
        var kinds = flag == null || flag.isEmpty() ? null : java.util.EnumSet.copyOf(flag);
        var narrowing = (flaggedOnly ? "&flaggedOnly=true" : "")
                + (kinds == null ? "" : kinds.stream().map(k -> "&flag=" + k.name()).collect(java.util.stream.Collectors.joining()));
        model.addAttribute("area", areaUnit);
        model.addAttribute("year", y);
        model.addAttribute("flaggedOnly", flaggedOnly && kinds == null);
        model.addAttribute("filter", kinds);
        model.addAttribute("recordsVisits", InspectionAccess.RECORDS_VISITS.contains(me.role()));
        var link = "/inspection/visits?unit=" + area + "&year=" + y + narrowing;
        if (areaUnit.type() == UnitType.CITY) {
            return districtSummary(areaUnit, y, kinds, narrowing, link, page, model);
        }
        var districts = visits.districtsOf(me, area);
        // The flags come from the kept findings of the district (brought up to date first), never from a whole live check.
        List<Finding> visitFindings;
        if (KeptFindings.kept(areaUnit)) {
            var scope = kept.scope(areaUnit);
            model.addAttribute("freshness", kept.current(scope, y));
            visitFindings = kept.ofKinds(scope, y, VISIT_KINDS).values().stream().flatMap(List::stream).filter(Finding::visits).toList();
        }
        else {
            visitFindings = checks.check(area, y);
        }
        var flags = Visits.flagsByVisit(visitFindings);
        var only = kinds != null
                ? flags.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(f -> kinds.contains(f.rule().kind())))
                        .map(java.util.Map.Entry::getKey).toList()
                : flaggedOnly ? List.copyOf(flags.keySet()) : null;
        var shown = visits.page(districts, y, only, page);
        model.addAttribute("visits", shown.rows());
        model.addAttribute("visitPage", shown);
        model.addAttribute("previous", link + "&page=" + (shown.page() - 1));
        model.addAttribute("next", link + "&page=" + (shown.page() + 1));
        model.addAttribute("flags", flags);
        model.addAttribute("flagged", visits.count(districts, y, flags.keySet()));
        var names = mentionsOf(me, shown.rows(), y);
        names.schools(shown.rows().stream().map(Visit::schoolId).distinct().toList());
        model.addAttribute("mentions", names);
        return "inspection/visits";
    }

    /**
     * The city's visits as its districts, in the official order, a page at a time: each with its visits of the year (kept
     * counts) and its findings in the visits (of the kinds asked, from its kept findings), linked to its own list.
     */
    private String districtSummary(Unit city, int year, java.util.Set<RuleKind> kinds, String narrowing, String link,
            Integer page, Model model) {
        var all = units.children(city.id()).stream().filter(u -> u.type() == UnitType.DISTRICT).toList();
        int pages = Math.max(1, (all.size() + PlanController.DISTRICTS_PER_PAGE - 1) / PlanController.DISTRICTS_PER_PAGE);
        int shown = Math.max(0, Math.min(page == null ? 0 : page, pages - 1));
        var districts = all.subList(shown * PlanController.DISTRICTS_PER_PAGE,
                Math.min(all.size(), (shown + 1) * PlanController.DISTRICTS_PER_PAGE));
        var ids = districts.stream().map(Unit::id).toList();
        var scope = kept.ofDistricts(districts);
        model.addAttribute("freshness", ids.isEmpty() ? KeptFindings.Freshness.CURRENT : kept.current(scope, year));
        var counts = ids.isEmpty() ? java.util.Map.<Long, Long>of() : visits.countsByDistrict(ids, year);
        var findings = ids.isEmpty() ? java.util.Map.<Long, Integer>of() : kept.visitFindingsByPlan(scope, year, kinds == null ? VISIT_KINDS : kinds);
        model.addAttribute("summary", districts.stream().map(d -> new DistrictVisits(d, counts.getOrDefault(d.id(), 0L),
                findings.getOrDefault(d.id(), 0), "/inspection/visits?unit=" + d.id() + "&year=" + year + narrowing)).toList());
        model.addAttribute("districtCount", all.size());
        model.addAttribute("summaryPage", shown);
        model.addAttribute("summaryPages", pages);
        model.addAttribute("previous", link + "&page=" + (shown - 1));
        model.addAttribute("next", link + "&page=" + (shown + 1));
        return "inspection/visits";
    }

    /** One district on the city's visit list: its visits of the year, its findings in the visits, the link to its list. */
    record DistrictVisits(Unit district, long visits, int findings, String link) {
    }

    /** The rule kinds that flag visits (frequency findings in the visits too). */
    private static final java.util.Set<RuleKind> VISIT_KINDS = java.util.EnumSet.of(RuleKind.UNPLANNED_VISIT, RuleKind.OVER_PLANNED_VISIT,
            RuleKind.PROOF_DEMANDED, RuleKind.NOTICE, RuleKind.FREQUENCY);

    /** The items the visits are of, named, and linked where this person may open them. */
    private Mentions.Names mentionsOf(AccountPrincipal me, List<Visit> list, int year) {
        return mentions.of(me, year, list.stream().map(Visit::itemId).filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** The form to record a visit; {@code visitDate} chooses the year whose items it offers (today's when absent). */
    @GetMapping("/inspection/visits/new")
    String newVisit(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long school,
            @RequestParam(required = false) String visitDate, Model model) {
        var day = VisitForm.readable(visitDate);
        model.addAttribute("form", new VisitForm(school == null && me.role() == Role.SCHOOL_USER ? Long.valueOf(me.unitId()) : school, null, null,
                (day == null ? LocalDate.now(clock) : day).toString(), "", "", BigDecimal.ZERO, false, ""));
        return visitForm(me, model);
    }

    private String visitForm(AccountPrincipal me, Model model) {
        InspectionAccess.require(InspectionAccess.RECORDS_VISITS.contains(me.role()), "recording visits for " + me.role());
        var scope = me.role() == Role.DEPARTMENT_USER || me.role() == Role.SCHOOL_USER ? access.planUnitOf(me) : units.get(me.unitId());
        var form = (VisitForm) model.getAttribute("form");
        var year = form.year(LocalDate.now(clock).getYear());
        var choices = new ArrayList<InspectionItem>();
        for (var planUnit : planUnitsAbove(scope.id())) {
            items.approvedOfPlan(planUnit, year).stream()
                    .filter(i -> me.role() != Role.DEPARTMENT_USER || i.organizerUnitId() == me.unitId())
                    .forEach(choices::add);
        }
        // the school chosen so far, by name; others are found by typing (unit/picker.html; a school user's finds only itself)
        model.addAttribute("chosenSchools", units.chosen(me, form.schoolId() == null ? List.of() : List.of(form.schoolId())));
        model.addAttribute("year", year);
        model.addAttribute("choices", choices);
        model.addAttribute("categories", InspectionCategory.values());
        return "inspection/visit-form";
    }

    /** The commission of the scope and those above it (a district's plan and the city's). */
    private List<Long> planUnitsAbove(long unitId) {
        var ids = new ArrayList<Long>();
        for (var part : units.get(unitId).path().split("/")) {
            if (!part.isEmpty()) {
                var unit = units.get(Long.parseLong(part));
                if (unit.type() == UnitType.CITY || unit.type() == UnitType.DISTRICT) {
                    ids.add(unit.id());
                }
            }
        }
        return ids;
    }

    record VisitForm(Long schoolId, Long itemId, InspectionCategory category, String visitDate, String notifiedOn, String inspectors,
            BigDecimal teacherHours, Boolean proofDemanded, String note) {

        /** The year of the visit's date, or {@code otherwise} while it is blank or unreadable. */
        int year(int otherwise) {
            var day = readable(visitDate);
            return day == null ? otherwise : day.getYear();
        }

        /** A date of a year the register keeps (2000–2100), or null for anything else. */
        static LocalDate readable(String text) {
            try {
                var day = Refusals.date(text);
                return day == null || day.getYear() < 2000 || day.getYear() > 2100 ? null : day;
            }
            catch (RuleViolation unreadable) {
                return null;
            }
        }
    }

    @PostMapping("/inspection/visits")
    String record(@AuthenticationPrincipal AccountPrincipal me, @org.springframework.web.bind.annotation.ModelAttribute("form") VisitForm form,
            Model model, RedirectAttributes redirect, Locale locale) {
        try {
            if (form.schoolId() == null) {
                throw new RuleViolation("schoolId", "inspection.error.school-required");
            }
            var visit = visits.record(me, new VisitDraft(form.schoolId(), form.itemId(), form.category(), Refusals.date(form.visitDate()),
                    Refusals.date(form.notifiedOn()), form.inspectors(), form.teacherHours(), Boolean.TRUE.equals(form.proofDemanded()),
                    form.note()));
            redirect.addFlashAttribute("success", "inspection.visit-recorded");
            // A department does not read schools' calendars (they show other units' items); it goes back to its register.
            return InspectionAccess.READS_CALENDARS.contains(me.role())
                    ? "redirect:/inspection/schools/" + visit.schoolId() + "/calendar?year=" + visit.visitDate().getYear()
                    : "redirect:/inspection";
        }
        catch (RuleViolation violation) {
            model.addAttribute("problem", refusals.message(violation, locale));
        }
        return visitForm(me, model);
    }

    // --- a school's calendar

    @GetMapping("/inspection/schools/{schoolId}/calendar")
    String calendar(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long schoolId, @RequestParam(required = false) Integer year,
            Model model) {
        int y = Years.orThisYear(year, clock);
        var school = visits.calendarOf(me, schoolId);
        var recorded = visits.ofSchool(me, schoolId, y);
        var flags = Visits.flagsByVisit(checks.check(schoolId, y));
        var months = new TreeMap<Integer, Month>();
        for (int m = 1; m <= 12; m++) {
            months.put(m, new Month(m, new ArrayList<>(), new ArrayList<>()));
        }
        for (var planUnit : planUnitsAbove(school.parentId())) {
            for (var item : items.approvedOfPlan(planUnit, y)) {
                if (Targets.reaches(item.targetKind(), item.targetStages(), item.targetSchools(), school.id(), school.stage())) {
                    for (var w : item.windows()) {
                        months.get(w.startsOn().getMonthValue()).planned().add(new Planned(item, w));
                    }
                }
            }
        }
        recorded.forEach(v -> months.get(v.visitDate().getMonthValue()).visits().add(v));
        model.addAttribute("school", school);
        model.addAttribute("year", y);
        model.addAttribute("months", months.values());
        model.addAttribute("flags", flags);
        model.addAttribute("mentions", mentionsOf(me, recorded, y));
        model.addAttribute("recordsVisits", InspectionAccess.RECORDS_VISITS.contains(me.role()));
        return "inspection/calendar";
    }

    record Month(int month, List<Planned> planned, List<Visit> visits) {
    }

    record Planned(InspectionItem item, Window window) {
    }
}
