package org.jianfu.supervision;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the findings, their rectification steps and their evidence files: tables this module owns. */
@Repository
class SupervisionFindingRepository {

    private final JdbcClient jdbc;

    SupervisionFindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a finding records, as the office enters it. */
    record NewFinding(long visitId, long districtId, LocalDate foundOn, String requirementCode, String indicatorCode, String ruleFindingLink,
            String description, String evidence, String owner, String measure, LocalDate deadline) {
    }

    long insert(NewFinding f, Instant now, String by) {
        return jdbc.sql("""
                insert into supervision_finding (visit_id, district_id, found_on, requirement_code, indicator_code, rule_finding_link,
                    description, evidence, owner, measure, deadline, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(f.visitId(), f.districtId(), f.foundOn(), f.requirementCode(), f.indicatorCode(), f.ruleFindingLink(), f.description(),
                        f.evidence(), f.owner(), f.measure(), f.deadline(), utc(now), by)
                .query(Long.class).single();
    }

    Optional<SupervisionFinding> find(long id) {
        return jdbc.sql("select * from supervision_finding where id = ?").param(id).query(SupervisionFindingRepository::map).optional();
    }

    /** Moves a finding to a state (and a deadline, when moved), if its version is still the one read. */
    boolean move(long id, int version, SupervisionFinding.State state, LocalDate closedOn, LocalDate deadline) {
        return jdbc.sql("""
                update supervision_finding set state = ?, closed_on = ?, deadline = ?,
                    overdue_alerted_at = case when deadline = ? then overdue_alerted_at end, version = version + 1
                where id = ? and version = ?""")
                .params(state.name(), closedOn, deadline, deadline, id, version).update() == 1;
    }

    /** A step taken on a finding (its version moves, so that two people reporting at once do not both succeed). */
    boolean touch(long id, int version) {
        return jdbc.sql("update supervision_finding set version = version + 1 where id = ? and version = ?").params(id, version).update() == 1;
    }

    /**
     * Marks the findings past their deadline, not closed and not yet alerted, as alerted, and returns them: the update decides,
     * so two instances never alert the same one twice.
     */
    List<SupervisionFinding> claimOverdue(LocalDate today, Instant now) {
        return jdbc.sql("""
                update supervision_finding set overdue_alerted_at = ?
                where state <> 'CLOSED' and deadline < ? and overdue_alerted_at is null returning *""")
                .params(utc(now), today).query(SupervisionFindingRepository::map).list();
    }

    // --- lists

    /** What a list of findings keeps: one district (all when null), a visit, a year of finding, a requirement, the overdue only. */
    record Filter(Long districtId, Long visitId, Integer year, String requirementCode, boolean overdue) {
    }

    private static final String WHERE = """
            (cast(:district as bigint) is null or district_id = :district)
            and (cast(:visit as bigint) is null or visit_id = :visit)
            and (cast(:year as int) is null or extract(year from found_on) = :year)
            and (cast(:requirement as varchar) is null or requirement_code = :requirement)
            and (not :overdue or (state <> 'CLOSED' and deadline < :today))""";

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, LocalDate today) {
        return spec.param("district", filter.districtId()).param("visit", filter.visitId()).param("year", filter.year())
                .param("requirement", filter.requirementCode()).param("overdue", filter.overdue()).param("today", today);
    }

    Map<SupervisionFinding.State, Long> counts(Filter filter, LocalDate today) {
        var counts = new EnumMap<SupervisionFinding.State, Long>(SupervisionFinding.State.class);
        for (var state : SupervisionFinding.State.values()) {
            counts.put(state, 0L);
        }
        bind(jdbc.sql("select state, count(*) from supervision_finding where " + WHERE + " group by state"), filter, today).query(rs -> {
            counts.put(SupervisionFinding.State.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /** A page of findings in a state (all when null): the earliest deadline first, closed ones last. */
    List<SupervisionFinding> page(Filter filter, SupervisionFinding.State state, LocalDate today, int offset) {
        return bind(jdbc.sql("select * from supervision_finding where " + WHERE + " and (cast(:state as varchar) is null or state = :state)"
                + " order by state = 'CLOSED', deadline, id limit :size offset :offset"), filter, today)
                .param("state", state == null ? null : state.name()).param("size", ListPage.SIZE).param("offset", offset)
                .query(SupervisionFindingRepository::map).list();
    }

    /** Every finding the filter keeps, for a report (a district's year holds a few dozen), oldest first. */
    List<SupervisionFinding> all(Filter filter, LocalDate today) {
        return bind(jdbc.sql("select * from supervision_finding where " + WHERE + " order by found_on, id"), filter, today)
                .query(SupervisionFindingRepository::map).list();
    }

    /** Per district of these, the findings of the year: recorded, not closed, overdue today, closed; cited requirement 22 and open. */
    Map<Long, long[]> tally(Collection<Long> districtIds, int year, LocalDate today, String requirementCode) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("""
                select district_id, count(*) as recorded, count(*) filter (where state <> 'CLOSED') as open,
                    count(*) filter (where state <> 'CLOSED' and deadline < :today) as overdue,
                    count(*) filter (where state = 'CLOSED') as closed,
                    count(*) filter (where requirement_code = :code) as cited,
                    count(*) filter (where requirement_code = :code and state <> 'CLOSED') as cited_open
                from supervision_finding where district_id = any(:ids) and found_on between :first and :last group by district_id""")
                .param("ids", districtIds.toArray(Long[]::new)).param("today", today).param("code", requirementCode)
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("recorded"), rs.getLong("open"), rs.getLong("overdue"),
                            rs.getLong("closed"), rs.getLong("cited"), rs.getLong("cited_open") });
                });
        return tally;
    }

    /** How many findings wait in this state: one district's (all when null). */
    long waiting(Long districtId, SupervisionFinding.State state) {
        return jdbc.sql("select count(*) from supervision_finding where (cast(? as bigint) is null or district_id = ?) and state = ?")
                .params(districtId, districtId, state.name()).query(Long.class).single();
    }

    // --- steps and files

    long insertStep(long findingId, RectificationStep.Kind kind, String note, LocalDate newDeadline, Instant now, String by, String unitName) {
        return jdbc.sql("""
                insert into supervision_rectification_step (finding_id, kind, note, new_deadline, taken_at, taken_by, unit_name)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(findingId, kind.name(), note, newDeadline, utc(now), by, unitName).query(Long.class).single();
    }

    List<RectificationStep> steps(long findingId) {
        return jdbc.sql("select * from supervision_rectification_step where finding_id = ? order by id").param(findingId)
                .query((rs, n) -> new RectificationStep(rs.getLong("id"), rs.getLong("finding_id"),
                        RectificationStep.Kind.valueOf(rs.getString("kind")), rs.getString("note"), rs.getObject("new_deadline", LocalDate.class),
                        instant(rs, "taken_at"), rs.getString("taken_by"), rs.getString("unit_name")))
                .list();
    }

    long insertFile(long findingId, Long stepId, String fileName, String contentType, byte[] content, Instant now, String by) {
        return jdbc.sql("""
                insert into supervision_evidence_file (finding_id, step_id, file_name, content_type, content, size, uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(findingId, stepId, fileName, contentType, content, content.length, utc(now), by).query(Long.class).single();
    }

    List<SupervisionFindingFile> files(long findingId) {
        return jdbc.sql("select id, finding_id, step_id, file_name, content_type, size, uploaded_at, uploaded_by from supervision_evidence_file"
                + " where finding_id = ? order by id").param(findingId)
                .query((rs, n) -> new SupervisionFindingFile(rs.getLong("id"), rs.getLong("finding_id"), (Long) rs.getObject("step_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"), instant(rs, "uploaded_at"),
                        rs.getString("uploaded_by")))
                .list();
    }

    Optional<byte[]> fileContent(long fileId, long findingId) {
        return jdbc.sql("select content from supervision_evidence_file where id = ? and finding_id = ?").params(fileId, findingId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static SupervisionFinding map(ResultSet rs, int n) throws SQLException {
        return new SupervisionFinding(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("district_id"), rs.getObject("found_on", LocalDate.class),
                rs.getString("requirement_code"), rs.getString("indicator_code"), rs.getString("rule_finding_link"), rs.getString("description"),
                rs.getString("evidence"), rs.getString("owner"), rs.getString("measure"), rs.getObject("deadline", LocalDate.class),
                SupervisionFinding.State.valueOf(rs.getString("state")), rs.getObject("closed_on", LocalDate.class), instant(rs, "created_at"),
                rs.getString("created_by"), rs.getInt("version"));
    }
}
