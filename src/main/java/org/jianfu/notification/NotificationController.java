package org.jianfu.notification;

import org.jianfu.platform.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The notification list of the person's unit, and the unread count in every page's top bar. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("notifications", notifications.forActor(actor));
        return "notification/list";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal Actor actor) {
        notifications.markAllRead(actor);
        return "redirect:/notifications";
    }
}
