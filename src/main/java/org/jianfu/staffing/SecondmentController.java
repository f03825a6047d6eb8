package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
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

/** The secondments' list, form, detail with history, extension and end. */
@Controller
class SecondmentController {

    /** The form as typed: dates as text, so that an unreadable one is answered on the form. */
    record SecondmentForm(String teacherNumber, String borrowerName, Long borrowerUnitId, Purpose purpose, String reason,
            String startsOn, String endsOn, String consentDocument, String consentOn, String approvalDocument, String approvalOn,
            Integer version) {

        static SecondmentForm of(Secondment s) {
            return new SecondmentForm(s.teacherNumber(), s.borrowerName(), s.borrowerUnitId(), s.purpose(), s.reason(), text(s.startsOn()),
                    text(s.endsOn()), s.consentDocument(), text(s.consentOn()), s.approvalDocument(), text(s.approvalOn()), s.version());
        }

        SecondmentDraft draft() {
            return new SecondmentDraft(teacherNumber, borrowerName, borrowerUnitId, purpose, reason, Steps.date(startsOn, "startsOn"),
                    Steps.date(endsOn, "endsOn"), consentDocument, Steps.date(consentOn, "consentOn"), approvalDocument,
                    Steps.date(approvalOn, "approvalOn"));
        }

        private static String text(LocalDate date) {
            return date == null ? "" : date.toString();
        }
    }

    private final Secondments secondments;
    private final SecondmentLists lists;
    private final AidDispatches dispatches;
    private final StaffingAccess access;
    private final Roster roster;
    private final Units units;
    private final Clock clock;

    SecondmentController(Secondments secondments, SecondmentLists lists, AidDispatches dispatches, StaffingAccess access, Roster roster, Units units, Clock clock) {
        this.secondments = secondments;
        this.lists = lists;
        this.dispatches = dispatches;
        this.access = access;
        this.roster = roster;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/staffing/secondments")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) SecondmentRepository.Filter state, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page, Model model) {
        var filter = state == null ? SecondmentRepository.Filter.ALL : state;
        var list = lists.list(me, district, year, filter, page);
        var scope = access.listScope(me, district);
        var today = LocalDate.now(clock);
        model.addAttribute("list", list);
        model.addAttribute("state", filter);
        model.addAttribute("inYear", year);
        model.addAttribute("filters", SecondmentRepository.Filter.values());
        model.addAttribute("today", today);
        model.addAttribute("district", scope.districtId() == null ? null : units.get(scope.districtId()));
        model.addAttribute("schools", schoolNames(list.rows()));
        model.addAttribute("recorder", me.role() == Role.DISTRICT_REPORTER);
        model.addAttribute("city", access.cityWide(me));
        if (scope.districtId() != null) {
            model.addAttribute("drafting", secondments.drafting(me, scope.districtId(), today.getYear()));
            model.addAttribute("away", dispatches.awayBySchool(me, scope.districtId(), today.getYear()));
            model.addAttribute("year", Integer.toString(today.getYear()));
        }
        model.addAttribute("settings", lists.settings());
        return "staffing/list";
    }

    private java.util.Map<Long, String> schoolNames(List<Secondment> rows) {
        var names = new java.util.HashMap<Long, String>();
        units.byIds(rows.stream().map(Secondment::schoolId).distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    @GetMapping("/staffing/secondments/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String teacher,
            @RequestParam(required = false) Long school, @RequestParam(required = false) String q, Model model) {
        access.recorderDistrict(me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SecondmentForm(teacher, "", null, Purpose.OTHER, "", "", "", "", "", "", "", null));
        }
        return form(me, null, school, q, model);
    }

    @PostMapping("/staffing/secondments")
    String create(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") SecondmentForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        try {
            var s = secondments.record(me, form.draft());
            redirect.addFlashAttribute("success", "staffing.secondment.recorded");
            return "redirect:/staffing/secondments/" + s.id();
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return form(me, null, null, null, model);
        }
    }

    @GetMapping("/staffing/secondments/{id}/edit")
    String editForm(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var s = secondments.read(me, id);
        access.ownDistrict(me, s.districtId(), StaffingAccess.RECORDER);
        model.addAttribute("form", SecondmentForm.of(s));
        return form(me, s, null, null, model);
    }

    @PostMapping("/staffing/secondments/{id}")
    String change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @ModelAttribute("form") SecondmentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var s = secondments.read(me, id);
        try {
            secondments.change(me, id, form.version() == null ? -1 : form.version(), form.draft());
            redirect.addFlashAttribute("success", "staffing.secondment.changed");
            return "redirect:/staffing/secondments/" + id;
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return form(me, s, null, null, model);
        }
        catch (EditConflictException conflict) {
            errors.reject("staffing.error.conflict");
            return form(me, s, null, null, model);
        }
    }

    /** The form page; on the new form, the teachers of a school of the district matching a name or number. */
    private String form(AccountPrincipal me, Secondment secondment, Long school, String q, Model model) {
        var district = units.get(me.unitId());
        var schools = units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).sorted(Unit.OFFICIAL_ORDER).toList();
        var form = (SecondmentForm) model.getAttribute("form");
        model.addAttribute("borrowerChoices", form == null || form.borrowerUnitId() == null ? List.of()
                : units.chosen(me, List.of(form.borrowerUnitId())));
        model.addAttribute("secondment", secondment);
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("schools", schools);
        model.addAttribute("school", school);
        model.addAttribute("q", q);
        model.addAttribute("matches", matches(district.id(), schools, school, q));
        model.addAttribute("settings", lists.settings());
        return "staffing/form";
    }

    private List<Teacher> matches(long districtId, List<Unit> schools, Long school, String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        var byNumber = roster.byNumber(q).filter(t -> t.districtId() == districtId && t.state() == Teacher.State.ACTIVE);
        if (byNumber.isPresent()) {
            return List.of(byNumber.get());
        }
        // a name search reads one school's teachers (tens to a few hundred), never the whole district's
        if (school == null || schools.stream().noneMatch(u -> u.id() == school)) {
            return List.of();
        }
        var text = q.strip();
        return roster.teachersOf(school).stream().filter(t -> t.name().contains(text) || t.teacherNumber().startsWith(text)).limit(20)
                .toList();
    }

    @GetMapping("/staffing/secondments/{id}")
    String secondment(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var s = secondments.read(me, id);
        model.addAttribute("s", s);
        model.addAttribute("school", units.get(s.schoolId()));
        model.addAttribute("borrowerUnit", s.borrowerUnitId() == null ? null : units.get(s.borrowerUnitId()));
        model.addAttribute("extensions", secondments.extensions(me, id));
        model.addAttribute("history", secondments.history(me, id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("recorder", StaffingAccess.acts(me, s.districtId(), StaffingAccess.RECORDER) && !s.returned());
        model.addAttribute("approver", StaffingAccess.acts(me, s.districtId(), StaffingAccess.APPROVER) && !s.returned()
                && s.endsOn() != null);
        model.addAttribute("settings", lists.settings());
        return "staffing/secondment";
    }

    @PostMapping("/staffing/secondments/{id}/extend")
    String extend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String newEnd, @RequestParam(required = false) String document,
            @RequestParam(required = false) String approvedOn, RedirectAttributes redirect) {
        secondments.read(me, id);
        Steps.attempt(redirect, "staffing.secondment.extended", () -> secondments.extend(me, id, version, Steps.date(newEnd, "newEnd"),
                document, Steps.date(approvedOn, "approvedOn")));
        return "redirect:/staffing/secondments/" + id;
    }

    @PostMapping("/staffing/secondments/{id}/end")
    String end(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String returnedOn, RedirectAttributes redirect) {
        secondments.read(me, id);
        Steps.attempt(redirect, "staffing.secondment.ended", () -> secondments.end(me, id, version, Steps.date(returnedOn, "returnedOn")));
        return "redirect:/staffing/secondments/" + id;
    }
}
