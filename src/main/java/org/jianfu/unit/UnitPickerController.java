package org.jianfu.unit;

import org.jianfu.platform.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The searches behind the unit picker of forms ({@code unit/picker :: picker}): a short list of matching units, as
 * an htmx fragment, each a button that chooses it.
 */
@Controller
class UnitPickerController {

    private final Units units;

    UnitPickerController(Units units) {
        this.units = units;
    }

    /** Units of the signed-in person's area; {@code type} and {@code parentId} narrow the search. */
    @GetMapping("/units/picker")
    String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) UnitType type, @RequestParam(required = false) Long parentId, Model model) {
        model.addAttribute("found", units.choices(actor, q, type, parentId));
        return "unit/picker :: results";
    }

    /** Schools the public may name in a report, of the district chosen first when there is one. */
    @GetMapping("/public/schools")
    String searchPublic(@RequestParam(required = false) String q, @RequestParam(required = false) Long districtId, Model model) {
        model.addAttribute("found", units.publicSchoolChoices(q, districtId));
        return "unit/picker :: results";
    }
}
