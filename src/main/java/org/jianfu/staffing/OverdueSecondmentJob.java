package org.jianfu.staffing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for overdue secondments every hour (and a minute after start). */
@Component
class OverdueSecondmentJob {

    private final Secondments secondments;

    OverdueSecondmentJob(Secondments secondments) {
        this.secondments = secondments;
    }

    @Scheduled(initialDelayString = "${jianfu.reminders.initial-delay:PT1M}", fixedDelayString = "${jianfu.reminders.interval:PT1H}")
    void run() {
        secondments.alertOverdue();
    }
}
