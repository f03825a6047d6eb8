package org.jianfu.notification;

import org.jianfu.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The notifications of the person's unit addressed to their role. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("notifications", notifications.forActor(me));
        return "notification/list";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal AccountPrincipal me) {
        notifications.markAllRead(me);
        return "redirect:/notifications";
    }
}
