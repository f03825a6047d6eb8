package org.jianfu.whitelist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.unit.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for reports of unlisted requests. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a report; for an anonymous one the reporter's unit and name are null and nothing else is asked for. */
    long insert(long districtId, Long schoolId, ReportForm form, Long applicationId, Long filedByUnitId, String filedBy,
            String receiptHash, LocalDate receivedOn) {
        return jdbc.sql("""
                insert into whitelist_report (district_id, school_id, kind, banned_demand, application_id, requester,
                    description, occurred_on, anonymous, filed_by_unit_id, filed_by, receipt_hash, received_on, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED') returning id""")
                .params(districtId, schoolId, form.kind().name(),
                        form.kind() == Report.Kind.BANNED_DEMAND ? form.bannedDemand().name() : null, applicationId,
                        form.requester().strip(), form.description().strip(), form.occurredOn(), filedBy == null,
                        filedByUnitId, filedBy, receiptHash, receivedOn)
                .query(Long.class).single();
    }

    Optional<Report> find(long id) {
        return jdbc.sql("select * from whitelist_report where id = ?").param(id).query(ReportRepository::map).optional();
    }

    Optional<Report.State> stateByReceipt(String receiptHash) {
        return jdbc.sql("select state from whitelist_report where receipt_hash = ?").param(receiptHash)
                .query((rs, n) -> Report.State.valueOf(rs.getString("state"))).optional();
    }

    boolean handle(long id, int expectedVersion, Report.State state, String handling, String outcome, LocalDate today,
            String actor) {
        return jdbc.sql("""
                update whitelist_report set state = ?, handling = ?, outcome = ?, handled_on = ?, handled_by = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(state.name(), handling, outcome, today, actor, id, expectedVersion).update() == 1;
    }

    /** Reports sent to districts under the unit path, newest first. */
    List<Report> toDistrictsUnder(String path) {
        return jdbc.sql("""
                select r.* from whitelist_report r join unit d on d.id = r.district_id
                where d.path like ? order by r.id desc""")
                .param(path + "%").query(ReportRepository::map).list();
    }

    /** One district's reports received in a year (as {@link #countsOf} counts them), those not handled first, newest first. */
    List<Report> receivedBy(long districtId, int year) {
        return jdbc.sql("""
                select * from whitelist_report where district_id = ? and extract(year from received_on) = ?
                order by state = 'HANDLED', id desc""")
                .params(districtId, year).query(ReportRepository::map).list();
    }

    List<Report> filedBy(long unitId) {
        return jdbc.sql("select * from whitelist_report where filed_by_unit_id = ? order by id desc").param(unitId)
                .query(ReportRepository::map).list();
    }

    /** Per district under the path: reports received and handled, in the official order of the districts. */
    Map<Long, Count> countsPerDistrict(String path) {
        var counts = new LinkedHashMap<Long, Count>();
        jdbc.sql("""
                select d.id, count(r.id) as received, count(r.id) filter (where r.state = 'HANDLED') as handled
                from unit d left join whitelist_report r on r.district_id = d.id
                where d.type = 'DISTRICT' and d.path like ?
                group by d.id""" + " order by " + Unit.officialOrderSql("d"))
                .param(path + "%")
                .query((rs, n) -> counts.put(rs.getLong("id"), new Count(rs.getInt("received"), rs.getInt("handled"))))
                .list();
        return counts;
    }

    /** Each of these districts' reports received in a year, by kind, and how many of them are handled (one query). */
    Map<Long, Map<Report.Kind, Count>> countsOf(Collection<Long> districtIds, int year) {
        var counts = new HashMap<Long, Map<Report.Kind, Count>>();
        jdbc.sql("""
                select district_id, kind, count(*) as received, count(*) filter (where state = 'HANDLED') as handled
                from whitelist_report where district_id = any(?) and extract(year from received_on) = ?
                group by district_id, kind order by district_id, kind""")
                .params(districtIds.toArray(Long[]::new), year)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("district_id"), id -> new LinkedHashMap<>())
                            .put(Report.Kind.valueOf(rs.getString("kind")), new Count(rs.getInt("received"), rs.getInt("handled")));
                });
        return counts;
    }

    record Count(int received, int handled) {
    }

    private static Report map(ResultSet rs, int n) throws SQLException {
        var banned = rs.getString("banned_demand");
        return new Report(rs.getLong("id"), rs.getLong("district_id"), rs.getObject("school_id", Long.class),
                Report.Kind.valueOf(rs.getString("kind")), banned == null ? null : BannedDemand.valueOf(banned),
                rs.getObject("application_id", Long.class), rs.getString("requester"), rs.getString("description"),
                rs.getObject("occurred_on", LocalDate.class), rs.getBoolean("anonymous"),
                rs.getObject("filed_by_unit_id", Long.class), rs.getString("filed_by"),
                rs.getObject("received_on", LocalDate.class), Report.State.valueOf(rs.getString("state")),
                rs.getString("handling"), rs.getString("outcome"), rs.getObject("handled_on", LocalDate.class),
                rs.getString("handled_by"), rs.getInt("version"));
    }
}
