package org.jianfu.duty;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teachers' weekly workload against the standards, and the school's form for a teacher's weekly lessons. */
@Controller
class WorkloadController {

    private final Workloads workloads;
    private final DutyAccess access;
    private final Roster roster;
    private final Units units;

    WorkloadController(Workloads workloads, DutyAccess access, Roster roster, Units units) {
        this.workloads = workloads;
        this.access = access;
        this.roster = roster;
        this.units = units;
    }

    @GetMapping("/duties/workload")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Long school, @RequestParam(defaultValue = "false") boolean above,
            @RequestParam(required = false) Integer page, Model model) {
        var list = workloads.list(me, district, school, above, page);
        var scope = access.scope(me, district, school);
        var counts = workloads.counts(me, district, school);
        model.addAttribute("list", list);
        model.addAttribute("above", above);
        model.addAttribute("recorded", counts[0]);
        model.addAttribute("aboveCount", counts[1]);
        model.addAttribute("scopeUnit", scope.unit() == null ? null : units.get(scope.unit()));
        model.addAttribute("names", Forms.names(units, list.rows().stream().map(TeacherWorkload::schoolId)));
        model.addAttribute("standards", workloads.standards());
        var recorder = me.role() == Role.SCHOOL_USER;
        model.addAttribute("recorder", recorder);
        if (recorder) {
            model.addAttribute("teachers", roster.teachersOf(me.unitId()));
        }
        return "duty/workload";
    }

    @PostMapping("/duties/workload")
    String record(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String teacherNumber,
            @RequestParam(required = false) String lessons, RedirectAttributes redirect) {
        access.ownSchool(me);
        Forms.attempt(redirect, "duty.lessons.recorded", () -> workloads.recordLessons(me, teacherNumber,
                Forms.whole(lessons, "lessons", "duty.error.lessons", Workloads.MAX_LESSONS)));
        return "redirect:/duties/workload";
    }
}
