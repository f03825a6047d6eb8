package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's own figures about each district's ledger of a year (of the year's latest round), in the same form as the
 * registers' ({@link RegisterFigures.Figure}) so a reader of figures reads them alike: the days it came in after the
 * deadline (or has been missing since it passed), the answer-quality flags kept at its submission, and the contradictions
 * between its answers and the register figures kept then. They are not a register's and are not shown on the ledger
 * itself; the supervision board reads them. A district with no ledger in the year has none.
 */
@Component
public class SubmissionFigures {

    static final String REQUIREMENT = "2021-22";

    private final JdbcClient jdbc;
    private final Clock clock;

    SubmissionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures of several districts for a year, by unit id in the order given, from one query. */
    @Transactional(readOnly = true)
    public Map<Long, List<RegisterFigures.Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        unitIds.forEach(id -> figures.put(id, List.of()));
        if (unitIds.isEmpty()) {
            return figures;
        }
        var today = LocalDate.now(clock);
        jdbc.sql("""
                select distinct on (l.unit_id) l.id, l.unit_id, r.deadline, (l.submitted_at at time zone :zone)::date as submitted_on,
                    l.contradiction_count, (select count(*) from ledger_entry_flag f where f.ledger_id = l.id) as flags
                from ledger l join ledger_round r on r.id = l.round_id
                where r.year = :year and l.unit_id = any(:units)
                order by l.unit_id, r.id desc""")
                .param("zone", clock.getZone().getId())
                .param("year", year)
                .param("units", unitIds.toArray(Long[]::new))
                .query(rs -> {
                    var ledgerId = rs.getLong("id");
                    var deadline = rs.getObject("deadline", LocalDate.class);
                    var submitted = rs.getObject("submitted_on", LocalDate.class);
                    var late = Math.max(0, (submitted != null ? submitted : today).toEpochDay() - deadline.toEpochDay());
                    var link = "/ledgers/" + ledgerId;
                    var contradictions = rs.getInt("contradiction_count");
                    var flags = rs.getLong("flags");
                    figures.put(rs.getLong("unit_id"), List.of(
                            new RegisterFigures.Figure(REQUIREMENT, "ledger.days-late",
                                    submitted != null ? "ledger.figure.days-late" : "ledger.figure.days-missing", new Object[] { late },
                                    link, late > 0),
                            new RegisterFigures.Figure(REQUIREMENT, "ledger.quality-flags", "ledger.figure.quality-flags",
                                    new Object[] { flags }, link + "/quality", flags > 0),
                            new RegisterFigures.Figure(REQUIREMENT, "ledger.contradictions", "ledger.figure.contradictions",
                                    new Object[] { contradictions }, link, contradictions > 0)));
                });
        return figures;
    }
}
