package org.jianfu.exam;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The exam plans of a year, the form a department files one with, and a plan's page: its decision and its sessions. */
@Controller
class ExamController {

    private final ExamPlans plans;
    private final ExamAccess access;
    private final Units units;
    private final Clock clock;

    ExamController(ExamPlans plans, ExamAccess access, Units units, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/exams")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, Model model) {
        var shown = Years.orThisYear(year, clock);
        var list = plans.list(me, shown);
        if (district != null && me.role() != Role.DEPARTMENT_USER) {
            var area = access.area(me, district);
            list = list.stream().filter(p -> units.isWithin(area.id(), p.arrangingUnitId())).toList();
            model.addAttribute("area", area);
        }
        model.addAttribute("plans", list);
        model.addAttribute("year", shown);
        model.addAttribute("names", names(list.stream().flatMap(p -> java.util.stream.Stream.of(p.departmentId(), p.arrangingUnitId()))));
        model.addAttribute("filer", ExamAccess.FILERS.contains(me.role()));
        model.addAttribute("education", ExamAccess.EDUCATION.contains(me.role()));
        return "exam/plans";
    }

    @GetMapping("/exams/plans/new")
    String newPlan(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        requireFiler(me);
        model.addAttribute("commission", units.commissionOf(units.get(me.unitId())).orElseThrow());
        return "exam/plan-form";
    }

    @PostMapping("/exams/plans")
    String file(@AuthenticationPrincipal AccountPrincipal me, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        requireFiler(me);
        try {
            var plan = plans.file(me, new ExamPlans.PlanDraft(form.get("name"), form.get("organiser"), date(form, "firstDay"),
                    date(form, "lastDay"), number(form, "sessionsWanted"), number(form, "candidates"), number(form, "roomsNeeded"),
                    form.get("sitesWanted")));
            redirect.addFlashAttribute("success", "exam.plan.filed");
            return "redirect:" + ExamPlans.link(plan);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
            redirect.addFlashAttribute("form", form);
            return "redirect:/exams/plans/new";
        }
    }

    @GetMapping("/exams/plans/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var plan = plans.readable(me, id);
        var sessions = plans.sessions(me, id);
        model.addAttribute("plan", plan);
        model.addAttribute("sessions", sessions);
        model.addAttribute("names", names(java.util.stream.Stream.concat(java.util.stream.Stream.of(plan.departmentId(),
                plan.arrangingUnitId()), sessions.stream().map(ExamSession::schoolId))));
        var arranger = plans.arrangeable(me, plan);
        model.addAttribute("arranger", arranger);
        model.addAttribute("schools", arranger && plan.state().arranged() ? units.subtree(plan.arrangingUnitId()).stream()
                .filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).sorted(Unit.OFFICIAL_ORDER).limit(500).toList() : java.util.List.of());
        model.addAttribute("places", sessions.stream().mapToInt(ExamSession::invigilators).sum());
        return "exam/plan";
    }

    @PostMapping("/exams/plans/{id}/decide")
    String decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        var plan = plans.readable(me, id);
        if (!plans.arrangeable(me, plan)) {
            throw new ExamNotFoundException("plan " + id);
        }
        FormSteps.attempt(redirect, "exam.plan.decided", "exam.error.conflict", () -> plans.decide(me, id, version, decision(decision), note));
        return "redirect:" + ExamPlans.link(plan);
    }

    @PostMapping("/exams/plans/{id}/sessions")
    String addSession(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var plan = plans.readable(me, id);
        if (!plans.arrangeable(me, plan)) {
            throw new ExamNotFoundException("plan " + id);
        }
        FormSteps.attempt(redirect, "exam.session.added", "exam.error.conflict", () -> plans.addSession(me, id, new ExamPlans.SessionDraft(
                id(form.get("schoolId")), date(form, "heldOn"), time(form, "startsAt"), time(form, "endsAt"), number(form, "rooms"),
                number(form, "perRoom"))));
        return "redirect:" + ExamPlans.link(plan);
    }

    private static void requireFiler(AccountPrincipal me) {
        if (!ExamAccess.FILERS.contains(me.role())) {
            throw new org.springframework.security.access.AccessDeniedException("exam plans for " + me.role());
        }
    }

    private Map<Long, String> names(java.util.stream.Stream<Long> ids) {
        var names = new HashMap<Long, String>();
        units.byIds(ids.distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private static ExamPlans.Decision decision(String text) {
        try {
            return ExamPlans.Decision.valueOf(text == null ? "" : text);
        }
        catch (IllegalArgumentException e) {
            throw new RuleViolation("decision", "exam.error.decision");
        }
    }

    static java.time.LocalDate date(Map<String, String> form, String field) {
        return FormSteps.date(form.get(field), field, "exam.error.date-format");
    }

    static Integer number(Map<String, String> form, String field) {
        var text = form.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(org.jianfu.platform.HalfWidth.of(text).strip());
        }
        catch (NumberFormatException e) {
            throw new RuleViolation(field, "exam.error.number", 1, 10_000_000);
        }
    }

    private static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            throw new RuleViolation("schoolId", "exam.error.school");
        }
    }

    private static LocalTime time(Map<String, String> form, String field) {
        var text = form.get(field);
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(org.jianfu.platform.HalfWidth.of(text).strip());
        }
        catch (DateTimeParseException e) {
            throw new RuleViolation(field, "exam.error.times");
        }
    }
}
