package org.jianfu.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicator catalogue, and its thresholds as the city admin or the city's supervision office set them (audited). */
@Service
class Indicators {

    /** The largest threshold accepted (the column holds 10 digits before the point). */
    static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000");

    private final IndicatorRepository repository;
    private final BoardAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Indicators(IndicatorRepository repository, BoardAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Every indicator, in the board's order. */
    @Transactional(readOnly = true)
    public List<Indicator> all() {
        return repository.indicators();
    }

    @Transactional(readOnly = true)
    public Indicator get(String code) {
        return repository.indicator(code).orElseThrow(() -> new BoardNotFoundException("indicator " + code));
    }

    /** Sets (or, with null, removes) an indicator's threshold: the marking of every year changes with it. */
    @Transactional
    public Indicator setThreshold(AccountPrincipal me, String code, int version, BigDecimal threshold) {
        access.requireCityWide(me);
        var before = get(code);
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(MAX_THRESHOLD) >= 0 || threshold.scale() > 4)) {
            throw new RuleViolation("threshold", "supervision.indicator.error.threshold");
        }
        if (!repository.updateThreshold(before.id(), version, threshold, me.displayName(), clock.instant())) {
            throw new EditConflictException("indicator " + code);
        }
        var after = get(code);
        events.publishEvent(new BoardEvents.ThresholdChanged(after.id(), new Indicator.Setting(code, before.threshold()),
                new Indicator.Setting(code, after.threshold())));
        return after;
    }
}
