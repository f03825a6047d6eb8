package org.jianfu.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.LedgerRoundClosed;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.jianfu.ledger.SubmissionFigures;
import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators' values per year and district, computed from the figures the registers contribute to the ledger and
 * stored, ranked, so that the board only reads them. The current year's are recomputed (by the job, or on demand); a
 * year's are computed one last time and frozen when its round closes, and a frozen year is never computed again.
 */
@Service
public class IndicatorValues {

    private static final Logger log = LoggerFactory.getLogger(IndicatorValues.class);

    /** Decimal places a value is kept with. */
    static final int SCALE = 2;

    private final IndicatorRepository repository;
    private final LedgerFigures figures;
    private final SubmissionFigures submissions;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IndicatorValues(IndicatorRepository repository, LedgerFigures figures, SubmissionFigures submissions, Units units,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.figures = figures;
        this.submissions = submissions;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** The year the board shows by default: this year. */
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** A value and the rows it was computed from. */
    record Computed(BigDecimal value, String link) {
    }

    /**
     * Recomputes the year's values from the registers' live figures for every enabled district, unless the year is
     * frozen; returns whether it did.
     */
    @Transactional
    public boolean recompute(int year) {
        repository.lock();
        if (repository.year(year).map(IndicatorRepository.BoardYear::frozen).orElse(false)) {
            return false;
        }
        var districts = districts().stream().map(Unit::id).toList();
        var started = System.nanoTime();
        var live = figures.live(districts, year);
        store(year, live, submissions.figuresFor(districts, year));
        log.info("Supervision board: {} districts' values for {} computed in {} ms", districts.size(), year,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Freezes the closed round's year: its values are computed one last time from the figures each ledger of the round
     * shows (those frozen at sign-off, else the live ones), and never again, whatever the registers record later.
     */
    @EventListener
    @Transactional
    public void freeze(LedgerRoundClosed closed) {
        repository.lock();
        if (repository.year(closed.year()).map(IndicatorRepository.BoardYear::frozen).orElse(false)) {
            return; // a second round of the same year: the year stands as the first close left it
        }
        var shown = figures.shownOfRoundByUnit(closed.roundId());
        var districts = units.byIds(shown.keySet()).stream().filter(u -> u.type() == UnitType.DISTRICT).map(Unit::id).toList();
        var ofDistricts = new HashMap<Long, List<Figure>>();
        districts.forEach(id -> ofDistricts.put(id, shown.get(id)));
        store(closed.year(), ofDistricts, submissions.figuresFor(districts, closed.year()));
        repository.markFrozen(closed.year(), closed.roundId(), closed.closedAt());
        events.publishEvent(new BoardEvents.YearFrozen(closed.year(), closed.roundId(), closed.closedAt()));
    }

    /** For the demo: a past year's values computed from the live figures and frozen, as if its round had closed. */
    @Transactional
    public void computeAndFreezePastYear(int year) {
        if (year >= currentYear() || !recompute(year)) {
            return;
        }
        var at = clock.instant();
        repository.markFrozen(year, null, at);
        events.publishEvent(new BoardEvents.YearFrozen(year, null, at));
    }

    /** When the year's values were computed, and whether they are frozen. */
    @Transactional(readOnly = true)
    Optional<IndicatorRepository.BoardYear> computed(int year) {
        return repository.year(year);
    }

    private void store(int year, Map<Long, List<Figure>> registerFigures, Map<Long, List<Figure>> ledgerFigures) {
        var schools = new HashMap<Long, Integer>();
        units.root().ifPresent(root -> {
            for (SchoolPlace school : units.enabledSchoolsUnder(root.id())) {
                schools.merge(school.districtId(), 1, Integer::sum);
            }
        });
        var stored = new ArrayList<IndicatorRepository.StoredValue>();
        var summaries = new ArrayList<IndicatorRepository.Summary>();
        for (var indicator : repository.indicators()) {
            var ofIndicator = new ArrayList<IndicatorRepository.StoredValue>();
            registerFigures.forEach((districtId, ofDistrict) -> {
                var all = new ArrayList<>(ofDistrict == null ? List.<Figure>of() : ofDistrict);
                all.addAll(ledgerFigures.getOrDefault(districtId, List.of()));
                var computed = compute(indicator, all, schools.getOrDefault(districtId, 0));
                ofIndicator.add(new IndicatorRepository.StoredValue(year, indicator.id(), districtId, computed.value(), null, 0,
                        computed.link()));
            });
            var ranked = ranked(indicator, ofIndicator);
            stored.addAll(ranked);
            summaries.add(summary(indicator, ranked));
        }
        repository.replaceValues(year, stored);
        repository.replaceSummaries(year, summaries);
        repository.markComputed(year, clock.instant());
    }

    /** The values ranked in the indicator's direction, 1 the best; equal values share a rank; no value, no rank; each knowing how many have one. */
    static List<IndicatorRepository.StoredValue> ranked(Indicator indicator, List<IndicatorRepository.StoredValue> values) {
        Comparator<BigDecimal> better = indicator.direction() == Indicator.Direction.LOWER_IS_BETTER ? Comparator.naturalOrder()
                : Comparator.reverseOrder();
        var withValue = values.stream().filter(v -> v.value() != null).sorted(Comparator.comparing(IndicatorRepository.StoredValue::value, better))
                .toList();
        var ranked = new ArrayList<IndicatorRepository.StoredValue>();
        for (int i = 0; i < withValue.size(); i++) {
            var v = withValue.get(i);
            var rank = i > 0 && withValue.get(i - 1).value().compareTo(v.value()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new IndicatorRepository.StoredValue(v.year(), v.indicatorId(), v.districtId(), v.value(), rank, withValue.size(),
                    v.link()));
        }
        values.stream().filter(v -> v.value() == null).map(v -> new IndicatorRepository.StoredValue(v.year(), v.indicatorId(),
                v.districtId(), null, null, withValue.size(), v.link())).forEach(ranked::add);
        return ranked;
    }

    /** The indicator's values summed up: districts, those with a value, the lowest, the median (the lower of two) and the highest. */
    static IndicatorRepository.Summary summary(Indicator indicator, List<IndicatorRepository.StoredValue> values) {
        var sorted = values.stream().map(IndicatorRepository.StoredValue::value).filter(java.util.Objects::nonNull).sorted().toList();
        return new IndicatorRepository.Summary(indicator.id(), values.size(), sorted.size(), 0, sorted.isEmpty() ? null : sorted.get(0),
                sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2), sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    }

    /**
     * An indicator's value for one district from the district's figures: the argument of the figure it reads (summed over
     * the figures a key ending in {@code *} reads), divided by its denominator and multiplied by its factor; none when no
     * figure gives a number, or the denominator is zero. The link is the figure's (the common start of the figures' links
     * when several are summed).
     */
    static Computed compute(Indicator indicator, List<Figure> figures, int schools) {
        var read = figures.stream().filter(f -> indicator.reads(f.key())).toList();
        if (read.isEmpty()) {
            return new Computed(null, null);
        }
        BigDecimal sum = null;
        BigDecimal divisor = null;
        for (var figure : read) {
            var value = number(figure.arguments(), indicator.argument());
            if (value != null) {
                sum = sum == null ? value : sum.add(value);
            }
            if (indicator.denominator() == Indicator.Denominator.ARGUMENT) {
                var d = number(figure.arguments(), indicator.denominatorArgument());
                if (d != null) {
                    divisor = divisor == null ? d : divisor.add(d);
                }
            }
        }
        var link = commonLink(read.stream().map(Figure::link).toList());
        if (sum == null) {
            return new Computed(null, link);
        }
        var value = switch (indicator.denominator()) {
            case NONE -> sum;
            case ARGUMENT -> divisor == null || divisor.signum() == 0 ? null : sum.divide(divisor, 10, RoundingMode.HALF_UP);
            case SCHOOLS -> schools == 0 ? null : sum.divide(BigDecimal.valueOf(schools), 10, RoundingMode.HALF_UP);
        };
        return new Computed(value == null ? null : value.multiply(indicator.factor()).setScale(SCALE, RoundingMode.HALF_UP), link);
    }

    /** An argument as a number (figures give counts as numbers, averages and percentages as text), or null. */
    static BigDecimal number(Object[] arguments, int index) {
        if (index >= arguments.length || arguments[index] == null) {
            return null;
        }
        try {
            return new BigDecimal(arguments[index].toString().strip());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The one link of the figures, or the part of their query all share (the list without the filter that differs). */
    static String commonLink(List<String> links) {
        var present = links.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (present.size() <= 1) {
            return present.isEmpty() ? null : present.get(0);
        }
        var prefix = present.get(0);
        for (var link : present) {
            int i = 0;
            while (i < prefix.length() && i < link.length() && prefix.charAt(i) == link.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        var cut = Math.max(prefix.lastIndexOf('&'), prefix.lastIndexOf('?'));
        return cut > 0 ? prefix.substring(0, cut) : prefix;
    }

    /** The enabled districts of the city, in the official order. */
    List<Unit> districts() {
        var root = units.root();
        if (root.isEmpty()) {
            return List.of();
        }
        return units.children(root.get().id()).stream().filter(u -> u.type() == UnitType.DISTRICT && u.enabled())
                .sorted(Unit.OFFICIAL_ORDER).toList();
    }
}
