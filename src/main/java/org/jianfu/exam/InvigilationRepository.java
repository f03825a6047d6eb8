package org.jianfu.exam;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for who invigilates: the proposals and their rows, the imports of what was actually done and their rows, and the
 * load per teacher read from either.
 */
@Repository
class InvigilationRepository {

    private final JdbcClient jdbc;

    InvigilationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- proposals

    /** A stored proposal; gaps as fractions (0.01 is 1%). */
    record Proposal(long id, long unitId, int year, int places, int unfilled, double teacherGap, double schoolGap, int millis,
            boolean accepted, String createdBy, Instant createdAt, int version) {
    }

    long insertProposal(long unitId, int year, int places, int unfilled, double teacherGap, double schoolGap, int millis, String by,
            Instant now) {
        return jdbc.sql("""
                insert into exam_proposal (unit_id, year, places, unfilled, teacher_gap, school_gap, millis, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(unitId, year, places, unfilled, Math.min(teacherGap, 99999), Math.min(schoolGap, 99999), millis, by, utc(now))
                .query(Long.class).single();
    }

    /** Rows of a proposal: {session, teacher, district, school, hours}. */
    void insertAssignments(long proposalId, List<Object[]> rows) {
        var batch = new ArrayList<Object[]>();
        for (var row : rows) {
            batch.add(new Object[] { proposalId, row[0], row[1], row[2], row[3], row[4] });
            if (batch.size() == 1000) {
                flush(batch);
            }
        }
        flush(batch);
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var sql = new StringBuilder("insert into exam_proposal_assignment (proposal_id, session_id, teacher_id, district_id, school_id, hours) values ");
        var params = new ArrayList<Object>();
        for (var i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(batch.get(i)));
        }
        jdbc.sql(sql.toString()).params(params).update();
        batch.clear();
    }

    Optional<Proposal> proposal(long id) {
        return jdbc.sql("select * from exam_proposal where id = ?").param(id).query(InvigilationRepository::proposal).optional();
    }

    /** The latest proposal made for the unit in the year. */
    Optional<Proposal> latestProposal(long unitId, int year) {
        return jdbc.sql("select * from exam_proposal where unit_id = ? and year = ? order by id desc limit 1").params(unitId, year)
                .query(InvigilationRepository::proposal).optional();
    }

    boolean accept(long id, int version) {
        return jdbc.sql("update exam_proposal set accepted = true, version = version + 1 where id = ? and version = ? and not accepted")
                .params(id, version).update() == 1;
    }

    /** Ends the acceptance of earlier proposals of the unit and year: one proposal stands. */
    void withdrawOthers(long unitId, int year, long keep) {
        jdbc.sql("update exam_proposal set accepted = false, version = version + 1 where unit_id = ? and year = ? and id <> ? and accepted")
                .params(unitId, year, keep).update();
    }

    private static Proposal proposal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year"), rs.getInt("places"), rs.getInt("unfilled"),
                rs.getDouble("teacher_gap"), rs.getDouble("school_gap"), rs.getInt("millis"), rs.getBoolean("accepted"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"));
    }

    // --- imports of what was done

    record DutyRow(String examName, LocalDate heldOn, double hours, long teacherId, long schoolId, Long planId, int rowNumber) {
    }

    long insertImport(long districtId, int year, String fileName, int rows, int unplanned, String by, Instant now) {
        return jdbc.sql("""
                insert into exam_duty_import (district_id, year, file_name, rows, unplanned, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""").params(districtId, year, fileName, rows, unplanned, by, utc(now))
                .query(Long.class).single();
    }

    void insertDuties(long importId, long districtId, int year, List<DutyRow> rows) {
        for (var from = 0; from < rows.size(); from += 500) {
            var part = rows.subList(from, Math.min(rows.size(), from + 500));
            var sql = new StringBuilder("insert into exam_duty (import_id, district_id, year, exam_name, held_on, hours, teacher_id, school_id, "
                    + "plan_id, row_number) values ");
            var params = new ArrayList<Object>();
            for (var i = 0; i < part.size(); i++) {
                var r = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(importId, districtId, year, r.examName(), r.heldOn(), r.hours(), r.teacherId(),
                        r.schoolId(), r.planId(), r.rowNumber()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    record DutyImport(long id, long districtId, int year, String fileName, int rows, int unplanned, String createdBy, Instant createdAt) {
    }

    List<DutyImport> imports(long districtId, int year) {
        return jdbc.sql("select * from exam_duty_import where district_id = ? and year = ? order by id desc").params(districtId, year)
                .query((rs, n) -> new DutyImport(rs.getLong("id"), rs.getLong("district_id"), rs.getInt("year"), rs.getString("file_name"),
                        rs.getInt("rows"), rs.getInt("unplanned"), rs.getString("created_by"), instant(rs, "created_at")))
                .list();
    }

    /** The exams of a district's imported rows in no arranged plan: {name, first day, rows, schools}. */
    List<Object[]> unplanned(long districtId, int year) {
        return jdbc.sql("""
                select exam_name, min(held_on) as first_day, count(*) as rows, count(distinct school_id) as schools from exam_duty
                where district_id = ? and year = ? and plan_id is null group by exam_name order by min(held_on), exam_name""")
                .params(districtId, year)
                .query((rs, n) -> new Object[] { rs.getString("exam_name"), rs.getObject("first_day", LocalDate.class), rs.getLong("rows"),
                        rs.getLong("schools") })
                .list();
    }

    // --- loads

    /** Sessions and hours per teacher of a district in the year from the imported rows: teacher -> {sessions, hours, school}. */
    Map<Long, double[]> actualLoads(Collection<Long> districtIds, int year) {
        return loads("""
                select teacher_id, school_id, count(*) as sessions, sum(hours) as hours from exam_duty
                where district_id = any(?) and year = ? group by teacher_id, school_id""", districtIds.toArray(Long[]::new), year);
    }

    /** The same from a proposal, the district's rows of it. */
    Map<Long, double[]> proposedLoads(long proposalId, Collection<Long> districtIds) {
        return loads("""
                select teacher_id, school_id, count(*) as sessions, sum(hours) as hours from exam_proposal_assignment
                where proposal_id = ? and district_id = any(?) group by teacher_id, school_id""", proposalId, districtIds.toArray(Long[]::new));
    }

    private Map<Long, double[]> loads(String sql, Object... params) {
        var loads = new HashMap<Long, double[]>();
        jdbc.sql(sql).params(params).query(rs -> {
            var load = loads.computeIfAbsent(rs.getLong("teacher_id"), k -> new double[3]);
            load[0] += rs.getLong("sessions");
            load[1] += rs.getDouble("hours");
            load[2] = rs.getLong("school_id");
        });
        return loads;
    }

    /** Per district of these: imported rows, unplanned exams, and whether anything was imported in the year. */
    Map<Long, long[]> importTally(Collection<Long> districtIds, int year) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("""
                select district_id, count(*) as rows, count(distinct exam_name) filter (where plan_id is null) as unplanned
                from exam_duty where district_id = any(:ids) and year = :year group by district_id""")
                .param("ids", districtIds.toArray(Long[]::new)).param("year", year)
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("rows"), rs.getLong("unplanned") });
                });
        return tally;
    }

    /** Per district of these, its accepted proposal of the year (its own, else the city's), by district. */
    Map<Long, Long> acceptedProposals(Collection<Long> districtIds, long cityId, int year) {
        var accepted = new HashMap<Long, Long>();
        jdbc.sql("select unit_id, max(id) as id from exam_proposal where year = :year and accepted and unit_id = any(:units) group by unit_id")
                .param("year", year).param("units", java.util.stream.Stream.concat(districtIds.stream(), java.util.stream.Stream.of(cityId))
                        .toArray(Long[]::new))
                .query(rs -> {
                    accepted.put(rs.getLong("unit_id"), rs.getLong("id"));
                });
        var city = accepted.get(cityId);
        var byDistrict = new HashMap<Long, Long>();
        for (var id : districtIds) {
            var own = accepted.get(id);
            if (own != null || city != null) {
                byDistrict.put(id, own != null ? own : city);
            }
        }
        return byDistrict;
    }
}
