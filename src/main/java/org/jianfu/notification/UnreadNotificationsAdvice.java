package org.jianfu.notification;

import org.jianfu.account.AccountPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the unread count on every page the layout renders for a signed-in person. */
@ControllerAdvice
class UnreadNotificationsAdvice {

    private final Notifications notifications;

    UnreadNotificationsAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Integer unreadNotifications() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal me && Notifications.told(me.role())
                ? notifications.unread(me) : null;
    }
}
