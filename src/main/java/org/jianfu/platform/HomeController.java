package org.jianfu.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login; what it offers follows the user's role. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
