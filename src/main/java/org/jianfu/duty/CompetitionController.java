package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teaching competitions of a year, repeats flagged naming the earlier one, and the form to record one. */
@Controller
class CompetitionController {

    private final Competitions competitions;
    private final DutyAccess access;
    private final Units units;
    private final Clock clock;

    CompetitionController(Competitions competitions, DutyAccess access, Units units, Clock clock) {
        this.competitions = competitions;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/duties/competitions")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Long school, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean repeated, @RequestParam(required = false) Integer page, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var list = competitions.list(me, district, school, shownYear, repeated, page);
        var scope = access.scope(me, district, school);
        var counts = competitions.counts(me, district, school, shownYear);
        model.addAttribute("list", list);
        model.addAttribute("year", shownYear);
        model.addAttribute("repeated", repeated);
        model.addAttribute("recorded", counts[0]);
        model.addAttribute("repeatedCount", counts[1]);
        model.addAttribute("scopeUnit", scope.unit() == null ? null : units.get(scope.unit()));
        model.addAttribute("names", Forms.names(units, list.rows().stream().map(Competition::schoolId)));
        model.addAttribute("recorder", me.role() == Role.SCHOOL_USER || me.role() == Role.DISTRICT_REPORTER);
        model.addAttribute("schools", me.role() == Role.DISTRICT_REPORTER ? units.children(me.unitId()).stream()
                .filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).sorted(Unit.OFFICIAL_ORDER).toList() : List.of());
        model.addAttribute("today", LocalDate.now(clock));
        return "duty/competitions";
    }

    @PostMapping("/duties/competitions")
    String record(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long schoolId,
            @RequestParam(required = false) String name, @RequestParam(required = false) String organiser,
            @RequestParam(required = false) String content, @RequestParam(required = false) String heldOn, RedirectAttributes redirect) {
        DutyAccess.require(me.role() == Role.SCHOOL_USER || me.role() == Role.DISTRICT_REPORTER, "competitions for " + me.role());
        // a repeat is recorded too: the list, newest first, shows it flagged with the earlier one
        Forms.attempt(redirect, "duty.competition.recorded", () -> competitions.record(me, new Competitions.CompetitionDraft(schoolId, name,
                organiser, content, Forms.date(heldOn, "heldOn"))));
        return "redirect:/duties/competitions";
    }
}
