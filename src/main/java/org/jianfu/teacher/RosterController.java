package org.jianfu.teacher;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The roster's list (a page at a time, by school or district, searched by name or number) and a teacher's page. */
@Controller
class RosterController {

    private final RosterPages pages;
    private final Units units;

    RosterController(RosterPages pages, Units units) {
        this.pages = pages;
        this.units = units;
    }

    /**
     * @param school a school (or, for the city's readers, a district) whose teachers to list; none: the reader's own unit's
     * @param text the start of a name or teacher number (not {@code q}: the unit picker's search box in the same form sends that)
     * @param state ACTIVE (the roster) or LEFT (those marked as left)
     */
    @GetMapping("/roster")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long school,
            @RequestParam(required = false) Long district, @RequestParam(required = false) String text,
            @RequestParam(required = false) Teacher.State state, @RequestParam(required = false) Integer page, Model model) {
        var shown = pages.list(me, school != null ? school : district, text, state == null ? Teacher.State.ACTIVE : state, page);
        model.addAttribute("shown", shown);
        model.addAttribute("text", text == null ? "" : text.strip());
        model.addAttribute("state", state == null ? Teacher.State.ACTIVE : state);
        model.addAttribute("school", school);
        model.addAttribute("district", district);
        model.addAttribute("chosenSchools", school == null ? List.of() : units.chosen(me, List.of(school)));
        model.addAttribute("chosenDistricts", district == null ? List.of() : units.chosen(me, List.of(district)));
        model.addAttribute("cityWide", units.get(me.unitId()).type() == UnitType.CITY);
        model.addAttribute("canImport", RosterAccess.IMPORTERS.contains(me.role()));
        model.addAttribute("schoolUser", me.role() == Role.SCHOOL_USER);
        return "teacher/list";
    }

    @GetMapping("/roster/teachers/{id}")
    String teacher(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("view", pages.teacher(me, id));
        return "teacher/teacher";
    }
}
