package org.jianfu.whitelist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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

    /**
     * Which reports a list shows: those sent to these districts (null: every district, the city's whole tree) or filed by
     * this school; of one district and year (a ledger figure's rows, not handled first); in one state.
     */
    record ReportFilter(List<Long> districts, Long filedByUnitId, Long district, Integer year, Report.Subject subject,
            Report.State state) {
    }

    /** A page of the reports the filter keeps, newest first (one district's year: those not handled first). */
    List<Report> reports(ReportFilter filter, int offset, int limit) {
        var params = new HashMap<String, Object>();
        var where = reportsWhere(filter, true, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from whitelist_report r" + where + " order by "
                        + (filter.district() != null ? "r.state = 'HANDLED', r.id desc" : "r.id desc") + " limit :limit offset :offset")
                .params(params).query(ReportRepository::map).list();
    }

    /** How many reports the filter keeps in each state, the state filter aside. */
    Map<Report.State, Long> reportsByState(ReportFilter filter) {
        var params = new HashMap<String, Object>();
        var counts = new EnumMap<Report.State, Long>(Report.State.class);
        jdbc.sql("select r.state, count(*) as n from whitelist_report r" + reportsWhere(filter, false, params) + " group by r.state")
                .params(params).query(rs -> {
                    counts.put(Report.State.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    private static String reportsWhere(ReportFilter f, boolean withState, Map<String, Object> params) {
        var where = new ArrayList<String>();
        if (f.districts() != null) {
            where.add("r.district_id = any(:districts)");
            params.put("districts", f.districts().toArray(Long[]::new));
        }
        if (f.filedByUnitId() != null) {
            where.add("r.filed_by_unit_id = :filer");
            params.put("filer", f.filedByUnitId());
        }
        if (f.district() != null) {
            where.add("r.district_id = :district");
            params.put("district", f.district());
        }
        if (f.year() != null) {
            // the year received, as the ledger figure counts it, in a form an index on the day can serve
            where.add("r.received_on >= make_date(:year, 1, 1) and r.received_on < make_date(:year + 1, 1, 1)");
            params.put("year", f.year());
        }
        if (f.subject() != null) {
            where.add("r.kind = any(:kinds)");
            params.put("kinds", kinds(f.subject()));
        }
        if (withState && f.state() != null) {
            where.add("r.state = :state");
            params.put("state", f.state().name());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /**
     * A page of the city's districts in their official order, each with its reports received and handled. The districts
     * are read as the city's children (by index), and only the page's districts' reports are counted.
     */
    List<DistrictCount> countsPerDistrict(long cityId, Report.Subject subject, int offset, int limit) {
        return jdbc.sql("""
                select d.id, d.name, c.received, c.handled
                from (select id, name, code from unit where parent_id = :city and type = 'DISTRICT'
                      order by code nulls last, name limit :limit offset :offset) d
                cross join lateral (select count(*) as received, count(*) filter (where r.state = 'HANDLED') as handled
                                    from whitelist_report r where r.district_id = d.id and r.kind = any(:kinds)) c"""
                        + " order by " + Unit.officialOrderSql("d"))
                .param("city", cityId).param("limit", limit).param("offset", offset)
                .param("kinds", kinds(subject))
                .query((rs, n) -> new DistrictCount(rs.getLong("id"), rs.getString("name"), rs.getInt("received"), rs.getInt("handled")))
                .list();
    }

    long districtsOf(long cityId) {
        return jdbc.sql("select count(*) from unit where parent_id = ? and type = 'DISTRICT'").param(cityId).query(Long.class).single();
    }

    record DistrictCount(long id, String name, int received, int handled) {
    }

    /** Each of these districts' reports received in a year, by kind, and how many of them are handled (one query). */
    Map<Long, Map<Report.Kind, Reports.Received>> countsOf(Collection<Long> districtIds, int year) {
        var counts = new HashMap<Long, Map<Report.Kind, Reports.Received>>();
        jdbc.sql("""
                select district_id, kind, count(*) as received, count(*) filter (where state = 'HANDLED') as handled
                from whitelist_report where district_id = any(?) and extract(year from received_on) = ?
                group by district_id, kind order by district_id, kind""")
                .params(districtIds.toArray(Long[]::new), year)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("district_id"), id -> new LinkedHashMap<>())
                            .put(Report.Kind.valueOf(rs.getString("kind")), new Reports.Received(rs.getInt("received"), rs.getInt("handled")));
                });
        return counts;
    }

    /** The kinds of a subject, for {@code kind = any(...)}; no subject: every kind. */
    private static String[] kinds(Report.Subject subject) {
        return (subject == null ? java.util.List.of(Report.Kind.values()) : subject.kinds()).stream().map(Enum::name).toArray(String[]::new);
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
