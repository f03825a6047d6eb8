package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
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

import jakarta.servlet.http.HttpServletRequest;

/** The duties' list (counted by state), the school's form, a duty's page with its history, and its end. */
@Controller
class DutyController {

    /** The form as typed: numbers and dates as text, so that an unreadable one is answered on the form. */
    record DutyForm(Long dutyTypeId, String teacherNumber, String hoursPerWeek, String startsOn, String endsOn) {

        Duties.DutyDraft draft() {
            return new Duties.DutyDraft(dutyTypeId, teacherNumber, Forms.number(hoursPerWeek, "hoursPerWeek"),
                    Forms.date(startsOn, "startsOn"), Forms.date(endsOn, "endsOn"));
        }
    }

    private final Duties duties;
    private final DutyFigures figures;
    private final DutyAccess access;
    private final Roster roster;
    private final Units units;
    private final Clock clock;

    DutyController(Duties duties, DutyFigures figures, DutyAccess access, Roster roster, Units units, Clock clock) {
        this.duties = duties;
        this.figures = figures;
        this.access = access;
        this.roster = roster;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/duties")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Long school, @RequestParam(required = false) Duty.State state,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer districtPage, Model model, HttpServletRequest request) {
        if (year != null) {
            org.jianfu.platform.Years.checked(year);
        }
        var list = duties.list(me, district, school, state, year, page);
        list.addTo(model, request);
        var scope = access.scope(me, district, school);
        model.addAttribute("state", state);
        model.addAttribute("states", Duty.State.values());
        model.addAttribute("year", year);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("scopeUnit", scope.unit() == null ? null : units.get(scope.unit()));
        model.addAttribute("names", Forms.names(units, list.page().rows().stream().map(Duty::schoolId)));
        model.addAttribute("recorder", me.role() == Role.SCHOOL_USER);
        if (scope.unit() == null) {
            // the city's view: its districts' counts of the year, 50 districts a page (districtPage), each linked to its own
            // rows, under the totals of every district (three queries)
            var shownYear = year == null ? LocalDate.now(clock).getYear() : year;
            var districts = units.byIds(units.districtIdsUnder(me.unitId())).stream().sorted(Unit.OFFICIAL_ORDER).toList();
            var counts = figures.counts(districts.stream().map(Unit::id).toList(), shownYear);
            var shownDistricts = ListPage.of(districtPage, districts.size(),
                    offset -> districts.subList(offset, Math.min(offset + ListPage.SIZE, districts.size())));
            model.addAttribute("districts", shownDistricts.rows());
            model.addAttribute("districtList", shownDistricts);
            model.addAttribute("districtCounts", counts);
            model.addAttribute("districtTotals", DutyFigures.DistrictCounts.total(counts.values()));
            model.addAttribute("countsYear", Integer.toString(shownYear));
        }
        return "duty/list";
    }

    @GetMapping("/duties/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.ownSchool(me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DutyForm(null, "", "", LocalDate.now(clock).toString(), ""));
        }
        return form(me, model);
    }

    @PostMapping("/duties")
    String create(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") DutyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.ownSchool(me);
        try {
            var duty = duties.record(me, form.draft());
            if (duty.refused()) {
                // kept as refused for the district to see; the school is shown requirement 20's words on its form
                Duties.refusal(duty).addTo(errors);
                return form(me, model);
            }
            redirect.addFlashAttribute("success", "duty.recorded");
            return "redirect:/duties/" + duty.id();
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return form(me, model);
        }
    }

    private String form(AccountPrincipal me, Model model) {
        model.addAttribute("types", duties.types());
        model.addAttribute("teachers", roster.teachersOf(me.unitId()));
        return "duty/form";
    }

    @GetMapping("/duties/{id}")
    String duty(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var duty = duties.read(me, id);
        var today = LocalDate.now(clock);
        model.addAttribute("d", duty);
        model.addAttribute("school", units.get(duty.schoolId()));
        model.addAttribute("history", duties.history(me, id));
        model.addAttribute("today", today);
        model.addAttribute("ender", me.role() == Role.SCHOOL_USER && me.unitId() == duty.schoolId() && duty.state(today) == Duty.State.CURRENT);
        return "duty/duty";
    }

    @PostMapping("/duties/{id}/end")
    String end(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String endsOn, RedirectAttributes redirect) {
        duties.read(me, id);
        access.ownSchool(me);
        Forms.attempt(redirect, "duty.ended", () -> duties.end(me, id, version, Forms.date(endsOn, "endsOn")));
        return "redirect:/duties/" + id;
    }
}
