package org.jianfu.staffing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training plan: a district's list (the city: every district's plan by state), the form, a training's page with the
 * decision on a non-teaching one, the hours per teacher, and the attendance import with its preview.
 */
@Controller
class TrainingController {

    /** The form as typed: numbers as text, so that an unreadable one is answered on the form. */
    record TrainingForm(String year, String title, Long organiserUnitId, TrainingKind kind, TrainingMode mode, String hours,
            String targets) {

        TrainingDraft draft() {
            Integer y;
            BigDecimal h;
            try {
                y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
            }
            catch (NumberFormatException e) {
                throw new RuleViolation("year", "staffing.error.training-year-format");
            }
            try {
                h = hours == null || hours.isBlank() ? null : new BigDecimal(hours.strip());
            }
            catch (NumberFormatException e) {
                throw new RuleViolation("hours", "staffing.error.training-hours");
            }
            return new TrainingDraft(y, title, organiserUnitId, kind, mode, h, targets);
        }
    }

    private final Trainings trainings;
    private final AttendanceImports imports;
    private final SecondmentLists lists;
    private final StaffingAccess access;
    private final Units units;
    private final Clock clock;

    TrainingController(Trainings trainings, AttendanceImports imports, SecondmentLists lists, StaffingAccess access, Units units,
            Clock clock) {
        this.trainings = trainings;
        this.imports = imports;
        this.lists = lists;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/staffing/trainings")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) TrainingState state, @RequestParam(required = false) Integer page, Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        var shownYear = Years.orThisYear(year, clock);
        // as text: a number argument of a message would be formatted with a thousands separator
        model.addAttribute("year", Integer.toString(shownYear));
        model.addAttribute("kinds", TrainingKind.values());
        model.addAttribute("states", TrainingState.values());
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        if (district == null && access.cityWide(me)) {
            var districts = units.byIds(units.districtIdsUnder(me.unitId())).stream().sorted(Unit.OFFICIAL_ORDER).toList();
            model.addAttribute("districts", districts);
            model.addAttribute("plans", trainings.planCounts(me, districts.stream().map(Unit::id).toList(), shownYear));
            return "staffing/trainings-city";
        }
        var department = me.role() == Role.DEPARTMENT_USER;
        // a department sees the trainings it organises; one of a district records them into the district's plan, one of
        // the city (whose trainings no district plan holds) only reads its own
        var commission = department ? units.commissionOf(units.get(me.unitId())).orElseThrow() : null;
        var shown = department ? commission : units.get(district == null ? me.unitId() : district);
        if (department && district != null && district != shown.id()) {
            throw new StaffingNotFoundException("district " + district);
        }
        var list = trainings.list(me, shown.id(), shownYear, kind, state, page);
        list.addTo(model, request);
        var names = new HashMap<Long, String>();
        units.byIds(list.page().rows().stream().map(Training::organiserUnitId).distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("district", shown);
        model.addAttribute("department", department);
        model.addAttribute("names", names);
        model.addAttribute("recorder", department ? commission.type() == org.jianfu.unit.UnitType.DISTRICT
                : StaffingAccess.acts(me, shown.id(), StaffingAccess.RECORDER));
        model.addAttribute("importer", StaffingAccess.acts(me, shown.id(), StaffingAccess.RECORDER));
        return "staffing/trainings";
    }

    @GetMapping("/staffing/trainings/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        trainings.planDistrictOf(me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TrainingForm(Integer.toString(java.time.LocalDate.now(clock).getYear()), "", null, null, null, "",
                    ""));
        }
        return form(me, model);
    }

    private String form(AccountPrincipal me, Model model) {
        var district = trainings.planDistrictOf(me);
        model.addAttribute("kinds", TrainingKind.values());
        model.addAttribute("modes", TrainingMode.values());
        model.addAttribute("district", district);
        model.addAttribute("department", me.role() == Role.DEPARTMENT_USER ? units.get(me.unitId()) : null);
        model.addAttribute("organisers", me.role() == Role.DEPARTMENT_USER ? java.util.List.of()
                : units.children(district.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT && u.enabled())
                        .sorted(Unit.OFFICIAL_ORDER).toList());
        return "staffing/training-form";
    }

    @PostMapping("/staffing/trainings")
    String create(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") TrainingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        trainings.planDistrictOf(me);
        try {
            var training = trainings.record(me, form.draft());
            redirect.addFlashAttribute("success", training.unapproved() ? "staffing.training.submitted" : "staffing.training.recorded");
            return "redirect:/staffing/trainings/" + training.id();
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return form(me, model);
        }
    }

    @GetMapping("/staffing/trainings/{id}")
    String training(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var training = trainings.read(me, id);
        model.addAttribute("t", training);
        model.addAttribute("organiser", units.get(training.organiserUnitId()));
        model.addAttribute("district", units.get(training.districtId()));
        var mergedInto = trainings.mergedInto(training);
        model.addAttribute("mergedInto", mergedInto);
        // the department that organised a merged training sees where it went, but may not open the district's own
        model.addAttribute("mergedIntoReadable", mergedInto != null && trainings.readableBy(me, mergedInto));
        model.addAttribute("decider", trainings.decidableBy(me, training));
        model.addAttribute("targets", trainings.mergeTargets(me, training));
        model.addAttribute("decisions", Trainings.Decision.values());
        return "staffing/training";
    }

    @PostMapping("/staffing/trainings/{id}/decide")
    String decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) Trainings.Decision decision, @RequestParam(required = false) Long mergeIntoId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        trainings.read(me, id);
        Steps.attempt(redirect, "staffing.training.decided", () -> trainings.decide(me, id, version, decision, mergeIntoId, reason));
        return "redirect:/staffing/trainings/" + id;
    }

    @GetMapping("/staffing/trainings/hours")
    String hours(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean above,
            @RequestParam(required = false) Integer page, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var shown = access.readableDistrict(me, district == null ? me.unitId() : district);
        var limit = lists.settings().trainingHoursLimit();
        var list = trainings.hours(me, shown.id(), shownYear, above, page, limit);
        var names = new HashMap<Long, String>();
        units.byIds(list.rows().stream().map(TrainingRepository.TeacherHours::schoolId).distinct().toList())
                .forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("list", list);
        model.addAttribute("summary", trainings.hoursSummary(me, shown.id(), shownYear, limit));
        model.addAttribute("names", names);
        model.addAttribute("district", shown);
        // as text: a number argument of a message would be formatted with a thousands separator
        model.addAttribute("year", Integer.toString(shownYear));
        model.addAttribute("above", above);
        model.addAttribute("limit", limit);
        return "staffing/hours";
    }

    @GetMapping("/staffing/attendance")
    String importPage(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("district", access.recorderDistrict(me));
        model.addAttribute("columns", AttendanceFile.Column.values());
        return "staffing/attendance";
    }

    @PostMapping("/staffing/attendance")
    String upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        access.recorderDistrict(me);
        try {
            var id = imports.preview(me, file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
            return "redirect:/staffing/attendance/" + id;
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
            return "redirect:/staffing/attendance";
        }
    }

    @GetMapping("/staffing/attendance/{id}")
    String preview(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var preview = imports.read(me, id);
        model.addAttribute("preview", preview);
        model.addAttribute("district", units.get(preview.districtId()));
        model.addAttribute("importer", StaffingAccess.acts(me, preview.districtId(), StaffingAccess.RECORDER));
        return "staffing/attendance-preview";
    }

    @PostMapping("/staffing/attendance/{id}/apply")
    String apply(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        imports.read(me, id);
        Steps.attempt(redirect, "staffing.attendance.applied", () -> imports.apply(me, id));
        return "redirect:/staffing/attendance/" + id;
    }
}
