package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
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

/**
 * The aid and support dispatches: a district's tasks and teachers sent (with its schools' teachers away), the city's view
 * of every district's teachers away with their names, a task's page where teachers are sent and come back.
 */
@Controller
class AidController {

    /** The task form as typed: dates and places as text, so that an unreadable one is answered on the form. */
    record TaskForm(String programme, String destination, String places, String startsOn, String endsOn, String basis) {

        AidTaskDraft draft() {
            Integer count;
            try {
                count = places == null || places.isBlank() ? null : Integer.valueOf(places.strip());
            }
            catch (NumberFormatException e) {
                throw new RuleViolation("places", "staffing.error.places");
            }
            return new AidTaskDraft(programme, destination, count, Steps.date(startsOn, "startsOn"), Steps.date(endsOn, "endsOn"), basis);
        }
    }

    private final AidDispatches dispatches;
    private final StaffingAccess access;
    private final Units units;
    private final Clock clock;

    AidController(AidDispatches dispatches, StaffingAccess access, Units units, Clock clock) {
        this.dispatches = dispatches;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/staffing/dispatches")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var list = dispatches.list(me, district, shownYear, page);
        var counts = dispatches.byDistrict(me, district, shownYear);
        var cityView = district == null && access.cityWide(me);
        var names = new HashMap<Long, String>();
        units.byIds(Stream.concat(counts.keySet().stream(), list.rows().stream().flatMap(d -> Stream.of(d.districtId(), d.schoolId())))
                .distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("list", list);
        // as text: a number argument of a message would be formatted with a thousands separator
        model.addAttribute("year", Integer.toString(shownYear));
        model.addAttribute("names", names);
        model.addAttribute("programmes", programmeNames());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("cityView", cityView);
        if (cityView) {
            model.addAttribute("counts", counts);
            model.addAttribute("districts", units.byIds(counts.keySet()).stream().sorted(Unit.OFFICIAL_ORDER).toList());
        }
        else {
            var shown = district == null ? me.unitId() : district;
            model.addAttribute("district", units.get(shown));
            model.addAttribute("tasks", dispatches.tasks(me, shown, shownYear));
            model.addAttribute("away", dispatches.awayBySchool(me, shown, shownYear));
            model.addAttribute("recorder", StaffingAccess.acts(me, shown, StaffingAccess.RECORDER));
        }
        return "staffing/dispatches";
    }

    private Map<String, AidProgramme> programmeNames() {
        var names = new HashMap<String, AidProgramme>();
        dispatches.programmes().forEach(p -> names.put(p.code(), p));
        return names;
    }

    @GetMapping("/staffing/dispatches/tasks/new")
    String newTask(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.recorderDistrict(me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TaskForm("", "", "", "", "", ""));
        }
        model.addAttribute("programmes", dispatches.programmes());
        return "staffing/task-form";
    }

    @PostMapping("/staffing/dispatches/tasks")
    String setTask(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") TaskForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.recorderDistrict(me);
        try {
            var task = dispatches.setTask(me, form.draft());
            redirect.addFlashAttribute("success", "staffing.aid.task-set");
            return "redirect:/staffing/dispatches/tasks/" + task.id();
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            model.addAttribute("programmes", dispatches.programmes());
            return "staffing/task-form";
        }
    }

    @GetMapping("/staffing/dispatches/tasks/{id}")
    String task(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var task = dispatches.task(me, id);
        var sent = dispatches.dispatchesOf(me, id);
        var names = new HashMap<Long, String>();
        units.byIds(Stream.concat(Stream.of(task.districtId()), sent.stream().map(AidDispatch::schoolId)).distinct().toList())
                .forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("task", task);
        model.addAttribute("sent", sent);
        model.addAttribute("names", names);
        model.addAttribute("programme", programmeNames().get(task.programme()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("recorder", StaffingAccess.acts(me, task.districtId(), StaffingAccess.RECORDER));
        return "staffing/task";
    }

    @PostMapping("/staffing/dispatches/tasks/{id}/teachers")
    String send(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) String teacherNumber,
            @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn, RedirectAttributes redirect) {
        dispatches.task(me, id);
        Steps.attempt(redirect, "staffing.aid.sent", () -> dispatches.send(me, id, teacherNumber, Steps.date(startsOn, "startsOn"),
                Steps.date(endsOn, "endsOn")));
        return "redirect:/staffing/dispatches/tasks/" + id;
    }

    @PostMapping("/staffing/dispatches/{id}/return")
    String returned(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String returnedOn, RedirectAttributes redirect) {
        var dispatch = dispatches.dispatch(me, id);
        Steps.attempt(redirect, "staffing.aid.returned", () -> dispatches.returned(me, id, version, Steps.date(returnedOn, "returnedOn")));
        return "redirect:/staffing/dispatches/tasks/" + dispatch.taskId();
    }
}
