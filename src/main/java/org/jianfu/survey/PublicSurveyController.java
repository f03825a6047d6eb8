package org.jianfu.survey;

import java.util.Map;

import org.jianfu.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The answer page teachers open from their school's link or QR code, without an account. It reads nothing of the request but
 * the form: no address, user agent or session (public pages get none), and it never redirects with a flash (which would
 * need a session); the thank-you page is rendered in place.
 */
@Controller
class PublicSurveyController {

    private final Answers answers;

    PublicSurveyController(Answers answers) {
        this.answers = answers;
    }

    @GetMapping("/public/survey/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("form", answers.form(token));
        model.addAttribute("typed", Map.of());
        model.addAttribute("token", token);
        model.addAttribute("signedIn", false);
        return "survey/public/answer";
    }

    @PostMapping("/public/survey/{token}")
    String submit(@PathVariable String token, @RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("signedIn", false);
        try {
            answers.submit(token, typed.get("code"), typed);
            return "survey/public/thanks"; // names nothing of the wave or the school: nothing more to read
        }
        catch (RuleViolation refused) {
            model.addAttribute("form", answers.form(token));
            model.addAttribute("typed", typed);
            model.addAttribute("token", token);
            model.addAttribute("error", refused);
            return "survey/public/answer";
        }
    }
}
