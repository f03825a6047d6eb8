package org.jianfu.demo;

import org.jianfu.supervision.IndicatorValues;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the supervision board shows something on first start. After every register's demo data, this year's
 * indicator values are computed from the registers, and the four years before it are computed and frozen as if their
 * rounds had closed (the registers hold little for them, so the trends start low). A frozen year is left as it is, so a
 * restart changes only this year's values.
 */
@Component
@Profile("demo")
@Order(90)
class BoardDemoData implements ApplicationRunner {

    private final IndicatorValues values;

    BoardDemoData(IndicatorValues values) {
        this.values = values;
    }

    @Override
    public void run(ApplicationArguments args) {
        var year = values.currentYear();
        for (int past = year - 4; past < year; past++) {
            values.computeAndFreezePastYear(past);
        }
        values.recompute(year);
    }
}
