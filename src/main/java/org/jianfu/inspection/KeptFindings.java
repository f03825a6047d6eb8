package org.jianfu.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

import jakarta.annotation.PreDestroy;

import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule check's findings kept per plan and year, so that a page reads them with SQL instead of running a whole
 * country's check on every view. A plan is a district's (its items and the city's, at its schools, with its visits) or
 * the city's own (its items compared with each other); a city's check is the union of its plans' findings, findings
 * alike in several districts (a city item crowding every district's schools, visits without an item) being one finding.
 *
 * <p>Exact, never stale: every change of an input the check reads is recorded by database triggers (V48) in a counter
 * per plan unit, so a plan whose signature (the counters of itself, the units above it and the rules) differs from the
 * one its findings were kept at is recomputed, alone and in its own transaction, before any page reads it. Two views
 * recomputing one plan wait for each other on an advisory lock, and the second finds it done.
 */
@Service
class KeptFindings {

    /** The counter of changes every plan reads: rules, rule sets, terms. */
    private static final long EVERY_PLAN = 0;

    /**
     * At most this many stale plans a page view recomputes itself (a district's own, or the few a change in some districts
     * touched, each a district's check); more, and they are left to the background recheck.
     */
    static final int RECHECKED_IN_A_VIEW = 3;

    private static final Logger log = LoggerFactory.getLogger(KeptFindings.class);

    private final KeptFindingRepository repository;
    private final InspectionChecks checks;
    private final RuleRepository rules;
    private final Units units;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    KeptFindings(KeptFindingRepository repository, InspectionChecks checks, RuleRepository rules, Units units,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.rules = rules;
        this.units = units;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** One thread: the background recheck takes the stale plans one at a time, as views do. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "inspection-recheck");
        thread.setDaemon(true);
        return thread;
    });

    /** The years a background recheck is queued for and not yet started. */
    private final Set<Integer> queued = ConcurrentHashMap.newKeySet();

    @PreDestroy
    void stopRechecking() {
        background.shutdownNow();
    }

    /**
     * The plans whose findings make up an area's check: a city's own and every district's below it, or a district's; with
     * the units above them, whose changes they read too. Districts sit right under the city (the unit tree's rule).
     */
    record Scope(Unit area, List<Long> planUnits, Map<Long, List<Long>> above) {

        boolean isCity() {
            return area != null && area.type() == UnitType.CITY;
        }
    }

    /** Whether an area's check is kept: a city's or a district's (a school's calendar runs its small check live). */
    static boolean kept(Unit area) {
        return area.type() == UnitType.CITY || area.type() == UnitType.DISTRICT;
    }

    Scope scope(Unit area) {
        var above = new HashMap<Long, List<Long>>();
        var planUnits = new ArrayList<Long>();
        var areaAbove = InspectionChecks.ancestors(area);
        planUnits.add(area.id());
        above.put(area.id(), areaAbove);
        if (area.type() == UnitType.CITY) {
            var districtsAbove = new ArrayList<>(areaAbove);
            districtsAbove.add(area.id());
            // its children, read by the parent's index, rather than every unit under its path (schools included)
            for (var child : units.children(area.id())) {
                if (child.type() == UnitType.DISTRICT) {
                    planUnits.add(child.id());
                    above.put(child.id(), districtsAbove);
                }
            }
        }
        else if (area.type() != UnitType.DISTRICT) {
            throw new IllegalArgumentException("no plan is kept for a " + area.type());
        }
        return new Scope(area, planUnits, above);
    }

    /** The plans of several districts (a page of districts' figures): each district's, with the units above it. */
    Scope ofDistricts(Collection<Unit> districts) {
        var above = new HashMap<Long, List<Long>>();
        districts.forEach(d -> above.put(d.id(), InspectionChecks.ancestors(d)));
        return new Scope(null, districts.stream().map(Unit::id).toList(), above);
    }

    /** Brings the kept findings of the area's plans up to date; returns the plans recomputed (none when nothing changed). */
    List<Long> refresh(Scope scope, int year) {
        var recomputed = new ArrayList<Long>();
        for (var plan : stale(scope, year)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the plans left stay stale for the next view or start
            }
            if (recompute(scope, plan, year)) {
                recomputed.add(plan);
            }
        }
        return recomputed;
    }

    /** The area's plans whose inputs changed since their findings were kept (or never kept), in the scope's order. */
    List<Long> stale(Scope scope, int year) {
        var kept = repository.keptSignatures(scope.planUnits(), year);
        var signatures = signatures(scope, scope.planUnits());
        return scope.planUnits().stream().filter(plan -> !signatures.get(plan).equals(kept.get(plan))).toList();
    }

    /**
     * What a page shows of the area's kept findings: brought up to date at once when few plans are stale (a district's own,
     * or a change in a few districts), else left as last kept while the background recheck runs, which this starts.
     */
    Freshness current(Scope scope, int year) {
        var stale = stale(scope, year);
        if (stale.size() <= RECHECKED_IN_A_VIEW) {
            stale.forEach(plan -> recompute(scope, plan, year));
            return Freshness.CURRENT;
        }
        recheckInBackground(year);
        var read = new LinkedHashSet<Long>(stale);
        stale.forEach(p -> read.addAll(scope.above().get(p)));
        read.add(EVERY_PLAN);
        return new Freshness(stale.size(), repository.lastChanged(read), repository.oldestCheck(stale, year));
    }

    /**
     * How current the findings a page shows are: {@code stalePlans} wait for the background recheck, their inputs changed
     * last at {@code changedAt}, and the oldest of their findings shown was computed at {@code checkedAt} (null: never).
     */
    record Freshness(int stalePlans, Instant changedAt, Instant checkedAt) {

        static final Freshness CURRENT = new Freshness(0, null, null);

        public boolean rechecking() {
            return stalePlans > 0;
        }
    }

    /** Queues a background recheck of the year's stale plans, unless one is queued and not yet started. */
    void recheckInBackground(int year) {
        if (queued.add(year)) {
            background.execute(() -> {
                // Taken off first: a change made while this runs queues the next round.
                queued.remove(year);
                try {
                    var recomputed = recheckAll(year);
                    log.info("Rechecked the kept inspection findings of {} plans for {}", recomputed.size(), year);
                }
                catch (RuntimeException e) {
                    log.warn("The background recheck of the inspection findings for {} stopped; the next view resumes it", year, e);
                }
            });
        }
    }

    /**
     * What the background recheck does: every stale plan of the city (its own and its districts'), one at a time, each in
     * its own transaction. Tests call it to stand for the worker in their own transaction.
     */
    List<Long> recheckAll(int year) {
        return units.root().map(city -> refresh(scope(city), year)).orElse(List.of());
    }

    /** Waits until no background recheck is queued or running (tests of committed data). */
    void awaitBackground() throws InterruptedException {
        var done = new java.util.concurrent.CompletableFuture<Void>();
        background.execute(() -> done.complete(null));
        try {
            done.get();
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature of each plan: the sum of the change counters of itself, the units above it and the rules. */
    private Map<Long, Long> signatures(Scope scope, Collection<Long> plans) {
        var read = new LinkedHashSet<Long>(plans);
        plans.forEach(p -> read.addAll(scope.above().get(p)));
        read.add(EVERY_PLAN);
        var changes = repository.changes(read);
        long common = changes.getOrDefault(EVERY_PLAN, 0L);
        var signatures = new HashMap<Long, Long>();
        for (var plan : plans) {
            long sum = common + changes.getOrDefault(plan, 0L);
            for (var upper : scope.above().get(plan)) {
                sum += changes.getOrDefault(upper, 0L);
            }
            signatures.put(plan, sum);
        }
        return signatures;
    }

    /**
     * Recomputes one plan in one transaction, unless a concurrent view did it meanwhile. The signature is read before the
     * inputs, so a change committed while the check runs leaves the plan stale for the next view rather than lost.
     */
    private boolean recompute(Scope scope, long plan, int year) {
        // Its own transaction when called from a page (none open) or from a read-only reader (the ledger's figures); inside
        // a writing transaction, part of it, so that it sees what that transaction wrote.
        var inWriting = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        return Boolean.TRUE.equals((inWriting ? transaction : ownTransaction).execute(status -> {
            repository.lock(plan, year);
            long signature = signatures(scope, List.of(plan)).get(plan);
            if (Long.valueOf(signature).equals(repository.keptSignatures(List.of(plan), year).get(plan))) {
                return false;
            }
            repository.replace(plan, year, checks.checkOwnPlan(plan, year), signature, clock.instant());
            return true;
        }));
    }

    /** Every rule by id, for turning kept rows into findings. */
    LongFunction<Rule> rules() {
        var byId = new HashMap<Long, Rule>();
        rules.rules().forEach(r -> byId.put(r.id(), r));
        return byId::get;
    }

    /** The area's findings per rule, counted as its check counts them; {@code kinds} null: the plan's (not the visits'). */
    Map<Rule, Integer> countsByRule(Scope scope, int year, Set<RuleKind> kinds) {
        var byId = rules();
        var counts = new LinkedHashMap<Rule, Integer>();
        repository.countsByRule(scope.planUnits(), year, kinds).entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(id -> byId.apply(id), FindingCollector.RULE_ORDER)))
                .forEach(e -> counts.put(byId.apply(e.getKey()), e.getValue()));
        return counts;
    }

    /**
     * What a plan page shows of its area's kept findings (narrowed to {@code kinds}; null: the plan's, not the visits'):
     * the counts per rule over the whole area, and one page of the plan's own rows (a city's own items'; its districts'
     * rows are on their pages, reached through {@link #byDistrict}).
     */
    FindingPage page(Scope scope, int year, Set<RuleKind> kinds, Integer page, String link) {
        var counts = countsByRule(scope, year, kinds);
        long plan = scope.area().id();
        int rows = repository.count(plan, year, kinds);
        int shown = FindingPage.shownPage(page, rows);
        return FindingPage.of(counts, repository.page(plan, year, kinds, shown * FindingPage.SIZE, FindingPage.SIZE, rules()), rows, shown,
                link, kinds);
    }

    /** A city's districts with how many findings (narrowed) each has, most first, a page at a time, each linked to its rows. */
    DistrictCounts byDistrict(Scope scope, int year, Set<RuleKind> kinds, Integer page, String link) {
        var districts = scope.planUnits().stream().filter(id -> id != scope.area().id()).toList();
        int shown = Math.max(0, page == null ? 0 : page);
        var counts = repository.countsByPlan(districts, year, kinds, shown * DistrictCounts.SIZE, DistrictCounts.SIZE);
        if (counts.isEmpty() && shown > 0) {
            return byDistrict(scope, year, kinds, 0, link);
        }
        int withFindings = counts.isEmpty() ? 0 : counts.get(0).plans();
        var names = new HashMap<Long, Unit>();
        units.byIds(counts.stream().map(KeptFindingRepository.PlanCount::unitId).toList()).forEach(u -> names.put(u.id(), u));
        var rows = counts.stream().map(c -> new DistrictCounts.Row(names.get(c.unitId()), c.count(),
                FindingPage.link("/inspection/plans/" + c.unitId() + "/" + year, kinds, 0))).toList();
        int pages = Math.max(1, (withFindings + DistrictCounts.SIZE - 1) / DistrictCounts.SIZE);
        return new DistrictCounts(rows, withFindings, shown, pages, districtLink(link, kinds, shown - 1), districtLink(link, kinds, shown + 1));
    }

    private static String districtLink(String list, Set<RuleKind> kinds, int page) {
        var params = new ArrayList<String>();
        if (kinds != null) {
            kinds.forEach(k -> params.add("finding=" + k.name()));
        }
        if (page > 0) {
            params.add("districtPage=" + page);
        }
        return list + (params.isEmpty() ? "" : "?" + String.join("&", params)) + "#districts";
    }

    /**
     * A city's districts with findings, a page at a time: each with its count and the link to its rows.
     *
     * @param districts how many districts have any
     */
    record DistrictCounts(List<Row> rows, int districts, int page, int pages, String previous, String next) {

        static final int SIZE = 50;

        record Row(Unit district, int count, String link) {
        }
    }

    /** The kept findings of these rule kinds, by plan, each plan's in the check's order. */
    Map<Long, List<Finding>> ofKinds(Scope scope, int year, Set<RuleKind> kinds) {
        var byPlan = new HashMap<Long, List<Finding>>();
        repository.ofKinds(scope.planUnits(), year, kinds, rules())
                .forEach(r -> byPlan.computeIfAbsent(r.planUnitId(), k -> new ArrayList<>()).add(r.finding()));
        return byPlan;
    }

    /** Each plan's findings in the visits of these kinds (a plan with none: absent). */
    Map<Long, Integer> visitFindingsByPlan(Scope scope, int year, Set<RuleKind> kinds) {
        return repository.visitFindingsByPlan(scope.planUnits(), year, kinds);
    }

    int visitFindings(Scope scope, int year) {
        return repository.visitFindings(scope.planUnits(), year);
    }

    /** Every finding of the area that involves the item, as the area's check lists them (alike findings merged). */
    List<Finding> involving(Scope scope, int year, long itemId) {
        return merged(repository.involving(scope.planUnits(), year, itemId, rules()));
    }

    /**
     * Kept findings of several plans as one check over all of them lists them: findings with the same key are one, naming
     * the schools and visits of each.
     */
    static List<Finding> merged(List<Finding> rows) {
        var byKey = new LinkedHashMap<String, Finding>();
        for (var f : rows) {
            byKey.merge(KeptFindingRepository.key(f), f, (a, b) -> {
                var schools = new LinkedHashSet<>(a.schoolIds());
                schools.addAll(b.schoolIds());
                var visits = new ArrayList<>(a.visitIds());
                visits.addAll(b.visitIds());
                return new Finding(a.rule(), a.visits(), a.category(), a.aspect(), a.from(), a.to(), a.count(), a.itemIds(),
                        List.copyOf(schools), List.copyOf(visits));
            });
        }
        var list = new ArrayList<>(byKey.values());
        list.sort(FindingCollector.ORDER);
        return list;
    }
}
