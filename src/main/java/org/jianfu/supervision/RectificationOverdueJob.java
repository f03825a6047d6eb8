package org.jianfu.supervision;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for overdue rectifications every hour (and a minute after start). */
@Component
class RectificationOverdueJob {

    private final Rectifications rectifications;

    RectificationOverdueJob(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Scheduled(initialDelayString = "${jianfu.reminders.initial-delay:PT1M}", fixedDelayString = "${jianfu.reminders.interval:PT1H}")
    void run() {
        rectifications.alertOverdue();
    }
}
