package org.jianfu.ledger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for approaching and passed deadlines every hour (and a minute after start). */
@Component
class DeadlineReminderJob {

    private final DeadlineReminders reminders;

    DeadlineReminderJob(DeadlineReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "${jianfu.reminders.initial-delay:PT1M}", fixedDelayString = "${jianfu.reminders.interval:PT1H}")
    void run() {
        reminders.send();
    }
}
