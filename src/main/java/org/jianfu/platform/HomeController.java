package org.jianfu.platform;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login; what it offers follows the user's role and what the modules contribute. */
@Controller
class HomeController {

    private final List<HomeSection> sections;

    HomeController(List<HomeSection> sections) {
        this.sections = sections;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("sections", sections.stream().map(s -> s.viewFor(actor)).flatMap(Optional::stream).toList());
        return "home";
    }
}
