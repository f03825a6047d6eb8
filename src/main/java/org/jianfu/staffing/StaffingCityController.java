package org.jianfu.staffing;

import java.time.LocalDate;
import java.util.Comparator;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city's pages: every district's overdue secondments with the counts per district, and the register's limits. */
@Controller
class StaffingCityController {

    record SettingsForm(int maxMonths, int inspectionTeachersLimit, int inspectionDaysLimit, int trainingHoursLimit, int version) {
    }

    private final SecondmentLists lists;
    private final Units units;
    private final java.time.Clock clock;

    StaffingCityController(SecondmentLists lists, Units units, java.time.Clock clock) {
        this.lists = lists;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/staffing/overdue")
    String overdue(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer page, Model model) {
        var counts = lists.overdueByDistrict(me);
        var list = lists.list(me, null, SecondmentRepository.Filter.OVERDUE, page);
        var districts = units.byIds(counts.keySet()).stream().sorted(Unit.OFFICIAL_ORDER).toList();
        var names = new java.util.HashMap<Long, String>();
        units.byIds(list.rows().stream().flatMap(s -> java.util.stream.Stream.of(s.districtId(), s.schoolId())).distinct().toList())
                .forEach(u -> names.put(u.id(), u.name()));
        model.addAttribute("counts", counts);
        model.addAttribute("districts", districts);
        model.addAttribute("list", list);
        model.addAttribute("names", names);
        model.addAttribute("today", LocalDate.now(clock));
        return "staffing/overdue";
    }

    @GetMapping("/staffing/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        StaffingAccess.require(me.role() == org.jianfu.account.Role.CITY_ADMIN, "staffing settings");
        var settings = lists.settings();
        model.addAttribute("settings", settings);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SettingsForm(settings.maxMonths(), settings.inspectionTeachersLimit(),
                    settings.inspectionDaysLimit(), settings.trainingHoursLimit(), settings.version()));
        }
        return "staffing/settings";
    }

    @PostMapping("/staffing/settings")
    String change(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") SettingsForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        StaffingAccess.require(me.role() == org.jianfu.account.Role.CITY_ADMIN, "staffing settings");
        if (!errors.hasErrors()) {
            try {
                lists.changeSettings(me, form.version(), form.maxMonths(), form.inspectionTeachersLimit(), form.inspectionDaysLimit(),
                        form.trainingHoursLimit());
                redirect.addFlashAttribute("success", "staffing.settings.saved");
                return "redirect:/staffing/settings";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
            catch (EditConflictException conflict) {
                errors.reject("staffing.error.conflict");
            }
        }
        model.addAttribute("settings", lists.settings());
        return "staffing/settings";
    }
}
