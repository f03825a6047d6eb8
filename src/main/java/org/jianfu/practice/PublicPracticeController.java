package org.jianfu.practice;

import java.util.stream.Collectors;

import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The published good-practice cases, for everyone without logging in, on a phone as well as a desk. */
@Controller
class PublicPracticeController {

    private final Practices practices;
    private final Units units;

    PublicPracticeController(Practices practices, Units units) {
        this.practices = practices;
        this.units = units;
    }

    @GetMapping("/public/practice")
    String list(@RequestParam(required = false) String requirement, @RequestParam(required = false) Integer page, Model model) {
        var code = requirement == null || requirement.isBlank() ? null : requirement.strip();
        var list = practices.published(code, page);
        model.addAttribute("list", list);
        model.addAttribute("requirement", code);
        model.addAttribute("requirements", practices.requirements());
        model.addAttribute("names", units.byIds(list.rows().stream().map(PracticeCase::districtId).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name)));
        model.addAttribute("signedIn", false);
        return "practice/public/list";
    }

    @GetMapping("/public/practice/{id}")
    String show(@PathVariable long id, Model model) {
        var found = practices.publishedCase(id);
        model.addAttribute("c", found);
        model.addAttribute("district", units.get(found.districtId()));
        model.addAttribute("requirements", practices.requirements().stream().filter(r -> found.requirementCodes().contains(r.code())).toList());
        model.addAttribute("signedIn", false);
        return "practice/public/case";
    }
}
