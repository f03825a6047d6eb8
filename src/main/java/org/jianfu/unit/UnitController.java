package org.jianfu.unit;

import org.jianfu.platform.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The unit directory: every user sees their own unit and what lies below it, and nothing else. */
@Controller
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping("/units")
    String tree(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("tree", UnitTree.of(units.subtree(actor.unitId())));
        return "unit/tree";
    }

    @GetMapping("/units/{id}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        var unit = units.getInScope(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("children", units.children(id));
        if (unit.parentId() != null && units.isWithin(actor.unitId(), unit.parentId())) {
            model.addAttribute("parent", units.get(unit.parentId()));
        }
        return "unit/show";
    }
}
