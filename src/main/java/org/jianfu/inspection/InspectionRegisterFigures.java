package org.jianfu.inspection;

import static org.jianfu.ledger.Contradiction.implemented;
import static org.jianfu.ledger.Contradiction.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.Contradiction.DateClaim;
import org.jianfu.ledger.Contradiction.Denial;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;

/**
 * The register's computed figures on a district's ledger, next to the district's own text for
 * requirements 1–5 and 7: approved and filed plan, consultations, merge suggestions and escalations,
 * baseline and retained counts with the reduction, open findings, unplanned visits, proof demanded.
 */
@Component
class InspectionRegisterFigures implements RegisterFigures {

    // The requirements the figures back, by their stable codes (the 2021 ledger's numbers).
    static final String PLAN = "2021-01";
    static final String CONSULTATION = "2021-02";
    static final String TOTAL_AND_FREQUENCY = "2021-03";
    static final String CLEANUP = "2021-04";
    static final String SCHOOL_FREQUENCY = "2021-05";
    static final String TRACE_KEEPING = "2021-07";

    // What each figure contradicts in an answer (see Contradiction): the words districts write for the claim.
    static final List<String> FILING = List.of("备案", "报市", "报备");
    static final Denial ALL_CONSULTED = new Denial(List.of("均已…商", "均…商…教委", "全部…商", "都已…商", "均…征求…意见",
            "均经…同意", "未发现…未商", "没有…未商", "无…未商"));
    static final Denial NO_ESCALATION = new Denial(List.of("未出现…加码", "未发生…加码", "未发现…加码", "无…层层加码", "没有…加码",
            "不存在…加码", "杜绝了…加码"));
    static final Denial NO_UNPLANNED = new Denial(List.of("未出现…计划外", "未发生…计划外", "无…计划外", "没有…计划外",
            "均…列入…计划", "均按…计划开展", "未…超计划"));
    static final Denial NO_FREQUENCY_BREACH = new Denial(List.of("未出现…超…频次", "未发生…超…频次", "没有…超…频次", "无…超…频次",
            "均未超…频次", "均未超过", "均控制在"));
    static final Denial NO_PROOF_DEMANDED = new Denial(List.of("未…要求…截图", "未…要求…照片", "未…要求…视频", "未…要求…留痕",
            "未出现…留痕", "未发生…留痕", "没有…留痕", "无…留痕", "没有…截图", "无…截图"));

    /** The rule kinds the figures count. */
    private static final Set<RuleKind> COUNTED = EnumSet.of(RuleKind.CONSULTATION, RuleKind.MERGE, RuleKind.ESCALATION, RuleKind.FREQUENCY,
            RuleKind.NOTICE, RuleKind.UNPLANNED_VISIT, RuleKind.OVER_PLANNED_VISIT, RuleKind.PROOF_DEMANDED);

    private final Units units;
    private final ItemRepository items;
    private final Cleanups cleanups;
    private final KeptFindings kept;
    private final Clock clock;

    InspectionRegisterFigures(Units units, ItemRepository items, Cleanups cleanups, KeptFindings kept, Clock clock) {
        this.units = units;
        this.items = items;
        this.cleanups = cleanups;
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * Several districts' figures in a few reads, whatever their number: the units, the plans' tallies, filings, cleanups
     * and the kept findings of the counted kinds (recomputed first for the districts whose inputs changed).
     */
    @Override
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var districts = units.byIds(unitIds).stream().filter(u -> u.type() == UnitType.DISTRICT).toList();
        var ids = districts.stream().map(org.jianfu.unit.Unit::id).toList();
        var scope = kept.ofDistricts(districts);
        kept.refresh(scope, year);
        var findings = ids.isEmpty() ? Map.<Long, List<Finding>>of() : kept.ofKinds(scope, year, COUNTED);
        var tallies = ids.isEmpty() ? Map.<Long, ItemRepository.PlanTally>of() : items.tallies(ids, year);
        var filings = ids.isEmpty() ? Map.<Long, ItemRepository.Filing>of() : items.latestFilings(ids, year);
        var cleanupsOf = ids.isEmpty() ? Map.<Long, Cleanup>of() : cleanups.of(ids, year);
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            figures.put(id, ids.contains(id)
                    ? figures(id, year, tallies.getOrDefault(id, ItemRepository.PlanTally.NONE), Optional.ofNullable(filings.get(id)),
                            cleanupsOf.get(id), findings.getOrDefault(id, List.of()))
                    : List.of());
        }
        return figures;
    }

    private List<Figure> figures(long unitId, int year, ItemRepository.PlanTally tally, Optional<ItemRepository.Filing> filing,
            Cleanup cleanup, List<Finding> findings) {
        var plan = "/inspection/plans/" + unitId + "/" + year;
        var visits = "/inspection/visits?unit=" + unitId + "&year=" + year;
        var cleanupPage = "/inspection/cleanups/" + unitId + "/" + year;
        // Each figure links to the rows it counts: the plan's findings or the visits, narrowed to the rule kinds counted.
        var findingsOf = plan + "?finding=";
        var figures = new ArrayList<Figure>();

        var approved = tally.approved();
        figures.add(new Figure(PLAN, "inspection.plan", "inspection.figure.plan", new Object[] { approved }, plan, false));
        // The register knows no deadline of its own for the plan; unfiled past the cleanup's (end of July) is overdue.
        boolean overdue = cleanup.overdue(LocalDate.now(clock));
        boolean planOverdue = filing.isEmpty() && LocalDate.now(clock).isAfter(cleanup.deadline());
        figures.add(filing.map(f -> new Figure(PLAN, "inspection.plan-filing", "inspection.figure.plan-filed", new Object[] { f.itemCount() }, plan, false)
                        .contradicting(new DateClaim(FILING, LocalDate.ofInstant(f.filedAt(), clock.getZone()))))
                .orElseGet(() -> new Figure(PLAN, "inspection.plan-filing", "inspection.figure.plan-not-filed", new Object[0], plan, approved > 0)
                        .contradicting(new DateClaim(FILING, null))
                        .contradicting(implemented(planOverdue, "inspection.contradiction.plan-overdue"))));

        var departmentItems = tally.byDepartments();
        var unconsulted = count(findings, RuleKind.CONSULTATION);
        var unconsultedItems = findingsOf + RuleKind.CONSULTATION + "#findings";
        figures.add(new Figure(CONSULTATION, "inspection.consultation", "inspection.figure.consultation", new Object[] { departmentItems, unconsulted }, unconsultedItems, unconsulted > 0)
                .contradicting(when(unconsulted > 0, ALL_CONSULTED)));

        var merges = count(findings, RuleKind.MERGE);
        var escalations = count(findings, RuleKind.ESCALATION);
        var mergesAndEscalations = findingsOf + RuleKind.MERGE + "&finding=" + RuleKind.ESCALATION + "#findings";
        figures.add(new Figure(TOTAL_AND_FREQUENCY, "inspection.merge", "inspection.figure.merge", new Object[] { merges, escalations }, mergesAndEscalations, escalations > 0)
                .contradicting(when(escalations > 0, NO_ESCALATION)));

        figures.add(cleanup.classified()
                ? new Figure(CLEANUP, "inspection.cleanup", "inspection.figure.cleanup",
                        new Object[] { cleanup.baseline(), cleanup.retained(), cleanup.reductionPercent().toPlainString() }, cleanupPage,
                        !cleanup.meetsTarget())
                        .contradicting(implemented(!cleanup.meetsTarget(), "inspection.contradiction.cleanup-target-missed"))
                : new Figure(CLEANUP, "inspection.cleanup", cleanup.baseline() == 0 ? "inspection.figure.cleanup-empty" : "inspection.figure.cleanup-unclassified",
                        new Object[] { cleanup.baseline() }, cleanupPage, false));
        var listFiled = cleanup.filed() ? LocalDate.ofInstant(cleanup.record().filedAt(), clock.getZone()) : null;
        figures.add((cleanup.filed()
                ? new Figure(CLEANUP, "inspection.cleanup-filing", cleanup.record().late() ? "inspection.figure.cleanup-filed-late" : "inspection.figure.cleanup-filed",
                        new Object[0], cleanupPage, cleanup.record().late())
                : new Figure(CLEANUP, "inspection.cleanup-filing", overdue ? "inspection.figure.cleanup-overdue" : "inspection.figure.cleanup-not-filed", new Object[0],
                        cleanupPage, overdue))
                .contradicting(new DateClaim(FILING, listFiled))
                .contradicting(implemented(overdue, "inspection.contradiction.cleanup-overdue")));
        var unplanned = visitCount(findings, RuleKind.UNPLANNED_VISIT, RuleKind.OVER_PLANNED_VISIT);
        var unplannedVisits = visits + "&flag=" + RuleKind.UNPLANNED_VISIT + "&flag=" + RuleKind.OVER_PLANNED_VISIT;
        figures.add(new Figure(CLEANUP, "inspection.unplanned-visits", "inspection.figure.unplanned-visits", new Object[] { unplanned }, unplannedVisits, unplanned > 0)
                .contradicting(when(unplanned > 0, NO_UNPLANNED)));

        var frequency = count(findings, RuleKind.FREQUENCY) + count(findings, RuleKind.NOTICE);
        var blocking = findings.stream().anyMatch(f -> f.rule().blocking()
                && (f.rule().kind() == RuleKind.FREQUENCY || f.rule().kind() == RuleKind.NOTICE));
        var openFindings = findingsOf + RuleKind.FREQUENCY + "&finding=" + RuleKind.NOTICE + "#findings";
        figures.add(new Figure(SCHOOL_FREQUENCY, "inspection.open-findings", "inspection.figure.open-findings", new Object[] { frequency }, openFindings, frequency > 0)
                .contradicting(when(frequency > 0, NO_FREQUENCY_BREACH))
                .contradicting(implemented(blocking, "inspection.contradiction.open-blocking-findings")));

        var proof = visitCount(findings, RuleKind.PROOF_DEMANDED);
        var proofVisits = visits + "&flag=" + RuleKind.PROOF_DEMANDED;
        figures.add(new Figure(TRACE_KEEPING, "inspection.proof", "inspection.figure.proof", new Object[] { proof }, proofVisits, proof > 0)
                .contradicting(when(proof > 0, NO_PROOF_DEMANDED)));
        return figures;
    }

    private static long count(List<Finding> findings, RuleKind kind) {
        return findings.stream().filter(f -> f.rule().kind() == kind).count();
    }

    /** The visits flagged by rules of these kinds, each once (as the visit list narrowed to those kinds shows them). */
    private static long visitCount(List<Finding> findings, RuleKind... kinds) {
        var counted = List.of(kinds);
        return findings.stream().filter(f -> counted.contains(f.rule().kind())).flatMap(f -> f.visitIds().stream()).distinct().count();
    }
}
