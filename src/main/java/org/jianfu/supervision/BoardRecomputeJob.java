package org.jianfu.supervision;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the current year's values every night (and a few minutes after start), so that the board reads fresh values
 * without computing them; instances take turns through the board's lock. A frozen year is left as it is.
 */
@Component
class BoardRecomputeJob {

    private final IndicatorValues values;

    BoardRecomputeJob(IndicatorValues values) {
        this.values = values;
    }

    @Scheduled(initialDelayString = "${jianfu.supervision.recompute-initial-delay:PT5M}",
            fixedDelayString = "${jianfu.supervision.recompute-interval:PT6H}")
    void run() {
        values.recompute(values.currentYear());
    }
}
