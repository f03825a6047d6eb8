package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
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
    private final InspectionAccess access;
    private final Units units;
    private final Refusals refusals;
    private final Clock clock;

    VisitController(Visits visits, InspectionItems items, InspectionChecks checks, InspectionAccess access, Units units,
            Refusals refusals, Clock clock) {
        this.visits = visits;
        this.items = items;
        this.checks = checks;
        this.access = access;
        this.units = units;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/inspection/visits")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean flaggedOnly, Model model) {
        long area = unit == null ? me.unitId() : unit;
        int y = Years.orThisYear(year, clock);
        var list = visits.ofArea(me, area, y);
        var flags = Visits.flagsByVisit(checks.check(area, y));
        model.addAttribute("visits", flaggedOnly ? list.stream().filter(v -> flags.containsKey(v.id())).toList() : list);
        model.addAttribute("flags", flags);
        model.addAttribute("flagged", list.stream().filter(v -> flags.containsKey(v.id())).count());
        model.addAttribute("area", units.get(area));
        model.addAttribute("year", y);
        model.addAttribute("flaggedOnly", flaggedOnly);
        model.addAttribute("recordsVisits", InspectionAccess.RECORDS_VISITS.contains(me.role()));
        model.addAttribute("schoolNames", names(area));
        model.addAttribute("itemNames", itemNames(me, list));
        return "inspection/visits";
    }

    private Map<Long, String> names(long area) {
        var names = new java.util.HashMap<Long, String>();
        units.subtree(area).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private Map<Long, String> itemNames(AccountPrincipal me, List<Visit> list) {
        var names = new java.util.HashMap<Long, String>();
        list.stream().map(Visit::itemId).filter(java.util.Objects::nonNull).distinct().forEach(id -> {
            try {
                names.put(id, items.readable(me, id).name());
            }
            catch (InspectionNotFoundException hidden) {
                names.put(id, "#" + id);
            }
        });
        return names;
    }

    @GetMapping("/inspection/visits/new")
    String newVisit(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long school, Model model) {
        model.addAttribute("form", new VisitForm(school == null && me.role() == Role.SCHOOL_USER ? Long.valueOf(me.unitId()) : school, null, null,
                LocalDate.now(clock).toString(), "", "", BigDecimal.ZERO, false, ""));
        return visitForm(me, model);
    }

    private String visitForm(AccountPrincipal me, Model model) {
        InspectionAccess.require(InspectionAccess.RECORDS_VISITS.contains(me.role()), "recording visits for " + me.role());
        var scope = me.role() == Role.DEPARTMENT_USER || me.role() == Role.SCHOOL_USER ? access.planUnitOf(me) : units.get(me.unitId());
        var schools = me.role() == Role.SCHOOL_USER ? List.of(units.get(me.unitId()))
                : units.subtree(scope.id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).toList();
        var year = LocalDate.now(clock).getYear();
        var choices = new ArrayList<InspectionItem>();
        for (var planUnit : planUnitsAbove(scope.id())) {
            items.approvedOfPlan(planUnit, year).stream()
                    .filter(i -> me.role() != Role.DEPARTMENT_USER || i.organizerUnitId() == me.unitId())
                    .forEach(choices::add);
        }
        model.addAttribute("schools", schools);
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
        model.addAttribute("itemNames", itemNames(me, recorded));
        model.addAttribute("recordsVisits", InspectionAccess.RECORDS_VISITS.contains(me.role()));
        return "inspection/calendar";
    }

    record Month(int month, List<Planned> planned, List<Visit> visits) {
    }

    record Planned(InspectionItem item, Window window) {
    }
}
