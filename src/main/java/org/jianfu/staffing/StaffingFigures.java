package org.jianfu.staffing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.Reports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the staffing register shows on a district's ledger: next to requirement 8 the teachers on aid dispatch; next to 18
 * the secondments (active, past the six months, without approval), the cleanup before and after, and the teachers and days
 * drafted into inspections; next to 19 the trainings approved, merged, cancelled and waiting, the reports of trainings
 * imposed without approval (received through the whitelist's one mechanism of reports) and the hours per teacher; next to 21 the mental-health and information-technology trainings. Each links to the rows it counts.
 */
@Component
class StaffingFigures implements RegisterFigures {

    static final String AID = "2021-08";
    static final String SECONDMENTS = "2021-18";
    static final String TRAINING = "2021-19";
    static final String WELLBEING = "2021-21";

    // What the reports figure contradicts in an answer (see Contradiction): the words districts write for the claim.
    static final Contradiction.Denial NO_UNAPPROVED_TRAINING = new Contradiction.Denial(List.of("未发现…未经…审批…培训",
            "未出现…未经…审批…培训", "没有…未经…审批…培训", "未发生…擅自…培训", "未出现…擅自…培训", "未收到…培训…举报",
            "未接到…培训…举报", "未收到…培训…反映", "未接到…培训…反映"));

    private final SecondmentRepository secondments;
    private final AidRepository aid;
    private final TrainingRepository trainings;
    private final Reports reports;
    private final Clock clock;

    StaffingFigures(SecondmentRepository secondments, AidRepository aid, TrainingRepository trainings, Reports reports, Clock clock) {
        this.secondments = secondments;
        this.aid = aid;
        this.trainings = trainings;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Seven queries whatever the number of districts: the settings, secondments, cleanups, dispatches, plans, hours and the
     * reports of unapproved trainings.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var settings = secondments.settings();
        var today = LocalDate.now(clock);
        var years = secondments.yearCounts(unitIds, year, today, settings.maxMonths());
        var cleanups = secondments.cleanups(unitIds);
        var away = aid.byDistrict(unitIds, year, today);
        var plans = trainings.planCounts(unitIds, year);
        var hours = trainings.hoursSummary(unitIds, year, settings.trainingHoursLimit());
        var reported = reports.receivedIn(Report.Subject.TRAINING, unitIds, year);
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            var list = new ArrayList<Figure>();
            var list0 = "?district=" + id + "&year=" + year;
            var dispatched = away.getOrDefault(id, new AidRepository.AwayCount(0, 0, 0));
            list.add(new Figure(AID, "staffing.aid", "staffing.figure.aid",
                    new Object[] { dispatched.teachers(), dispatched.awayNow(), dispatched.days() }, "/staffing/dispatches" + list0, false));

            var s = years.getOrDefault(id, new SecondmentRepository.YearCount(0, 0, 0, 0, 0, 0));
            var secondmentList = "/staffing/secondments" + list0;
            list.add(new Figure(SECONDMENTS, "staffing.secondments", "staffing.figure.secondments",
                    new Object[] { s.secondments(), s.active() }, secondmentList, false));
            list.add(new Figure(SECONDMENTS, "staffing.secondments.over-limit", "staffing.figure.over-limit",
                    new Object[] { s.overLimit(), settings.maxMonths() }, secondmentList + "&state=LONG", s.overLimit() > 0)
                    .contradicting(Contradiction.implemented(s.overLimit() > 0, "staffing.contradiction.over-limit")));
            list.add(new Figure(SECONDMENTS, "staffing.secondments.unapproved", "staffing.figure.unapproved",
                    new Object[] { s.unapproved() }, secondmentList + "&state=UNAPPROVED", s.unapproved() > 0)
                    .contradicting(Contradiction.implemented(s.unapproved() > 0, "staffing.contradiction.unapproved")));
            var cleanup = cleanups.get(id);
            var filed = cleanup != null && cleanup.filedAt() != null;
            list.add(new Figure(SECONDMENTS, "staffing.cleanup", filed ? "staffing.figure.cleanup" : "staffing.figure.cleanup-not-filed",
                    filed ? new Object[] { cleanup.beforeCount(), cleanup.continuedCount(), cleanup.filedOn().toString() } : new Object[0],
                    "/staffing/cleanups/" + id, !filed)
                    .contradicting(Contradiction.implemented(!filed, "staffing.contradiction.cleanup-not-filed")));
            list.add(new Figure(SECONDMENTS, "staffing.drafted", "staffing.figure.drafted", new Object[] { s.drafted(), s.draftedDays() },
                    secondmentList + "&state=INSPECTION", false));

            var plan = plans.getOrDefault(id, TrainingRepository.PlanCount.none());
            var trainingList = "/staffing/trainings" + list0;
            var waiting = plan.byState().getOrDefault(TrainingState.SUBMITTED, 0);
            list.add(new Figure(TRAINING, "staffing.trainings", "staffing.figure.trainings",
                    new Object[] { plan.byState().getOrDefault(TrainingState.PLANNED, 0), plan.byState().getOrDefault(TrainingState.APPROVED, 0),
                            plan.byState().getOrDefault(TrainingState.MERGED, 0), plan.byState().getOrDefault(TrainingState.CANCELLED, 0),
                            waiting },
                    trainingList, waiting > 0)
                    .contradicting(Contradiction.implemented(waiting > 0, "staffing.contradiction.trainings-waiting")));
            var r = reported.getOrDefault(id, new Reports.Received(0, 0));
            list.add(new Figure(TRAINING, "staffing.training-reports", "staffing.figure.training-reports",
                    new Object[] { r.received(), r.handled() }, Reports.listOf(Report.Subject.TRAINING, id, year), r.handled() < r.received())
                    .contradicting(Contradiction.when(r.received() > 0, NO_UNAPPROVED_TRAINING))
                    .contradicting(Contradiction.implemented(r.handled() < r.received(), "staffing.contradiction.training-reports-pending")));
            var h = hours.getOrDefault(id, new TrainingRepository.HoursSummary(0, 0, BigDecimal.ZERO));
            list.add(new Figure(TRAINING, "staffing.training-hours", "staffing.figure.hours",
                    new Object[] { h.teachers(), h.perTeacher().toPlainString(), h.above(), settings.trainingHoursLimit() },
                    "/staffing/trainings/hours" + list0, h.above() > 0));
            list.add(new Figure(WELLBEING, "staffing.mental-health", "staffing.figure.mental-health",
                    new Object[] { plan.mentalHealth(), plan.mentalHealthHours().stripTrailingZeros().toPlainString() },
                    trainingList + "&kind=MENTAL_HEALTH", false));
            list.add(new Figure(WELLBEING, "staffing.information-technology", "staffing.figure.information-technology",
                    new Object[] { plan.informationTechnology(), plan.informationTechnologyHours().stripTrailingZeros().toPlainString() },
                    trainingList + "&kind=INFORMATION_TECHNOLOGY", false));
            figures.put(id, list);
        }
        return figures;
    }
}
