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

    /**
     * A stored proposal; gaps as fractions (0.01 is 1%). {@code priorSessions}: the sessions the area's teachers already
     * carried in the year when it was made (counted against the cap); {@code ringPlaces}: places filled per {@link Rings
     * ring}; {@code travelKm} over {@code measuredPlaces}: the travel where both schools have coordinates.
     */
    record Proposal(long id, long unitId, int year, int places, int unfilled, double teacherGap, double schoolGap, int millis,
            boolean accepted, String createdBy, Instant createdAt, int version, int priorSessions, List<Integer> ringPlaces,
            double travelKm, int measuredPlaces) {

        /** The percentage of the filled places taken from ring {@code ring} (0 the host school … 4 further). */
        public double ringShare(int ring) {
            var filled = ringPlaces.stream().mapToInt(Integer::intValue).sum();
            return filled == 0 ? 0 : 100.0 * ringPlaces.get(ring) / filled;
        }

        /** The mean travel in km over the places where it is known. */
        public double meanKm() {
            return measuredPlaces == 0 ? 0 : travelKm / measuredPlaces;
        }

        /** Whether any filled place's travel is known (both schools placed, or the host's own teachers). */
        public boolean travelKnown() {
            return measuredPlaces > 0;
        }
    }

    long insertProposal(long unitId, int year, int places, int unfilled, double teacherGap, double schoolGap, int millis, int priorSessions,
            Rings.Tally rings, String by, Instant now) {
        var ringPlaces = java.util.Arrays.stream(rings.places()).mapToObj(n -> (int) n).toArray(Integer[]::new);
        return jdbc.sql("""
                insert into exam_proposal (unit_id, year, places, unfilled, teacher_gap, school_gap, millis, prior_sessions, ring_places,
                    travel_km, measured_places, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(unitId, year, places, unfilled, Math.min(teacherGap, 99999), Math.min(schoolGap, 99999), millis, priorSessions,
                        ringPlaces, Math.round(rings.kilometres() * 10) / 10.0, (int) rings.measured(), by, utc(now))
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

    /**
     * Whether a session of this proposal was settled after it was made: it is in another accepted proposal (the two were
     * made side by side), or its exam's list of that day was imported (done).
     */
    boolean overtaken(long id) {
        return jdbc.sql("""
                select exists (select 1 from exam_proposal_assignment a join exam_proposal_assignment b on b.session_id = a.session_id
                    join exam_proposal q on q.id = b.proposal_id where a.proposal_id = :id and b.proposal_id <> a.proposal_id and q.accepted)
                or exists (select 1 from exam_proposal_assignment a join exam_session s on s.id = a.session_id
                    join exam_duty d on d.plan_id = s.plan_id and d.held_on = s.held_on and d.district_id = s.district_id
                    where a.proposal_id = :id)""")
                .param("id", id).query(Boolean.class).single();
    }

    private static Proposal proposal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("year"), rs.getInt("places"), rs.getInt("unfilled"),
                rs.getDouble("teacher_gap"), rs.getDouble("school_gap"), rs.getInt("millis"), rs.getBoolean("accepted"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"), rs.getInt("prior_sessions"),
                List.of((Integer[]) rs.getArray("ring_places").getArray()), rs.getDouble("travel_km"), rs.getInt("measured_places"));
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

    /**
     * Deletes the district's rows imported earlier for the exams and days of these rows: a sheet imported again, or
     * corrected, replaces what an earlier import said of the same exam on the same day instead of counting it twice.
     *
     * @return how many earlier rows were replaced
     */
    int deleteDutiesOfTheSameExamDays(long districtId, List<DutyRow> rows) {
        return jdbc.sql("""
                delete from exam_duty d using unnest(?::text[], ?::date[]) as x(exam_name, held_on)
                where d.district_id = ? and d.exam_name = x.exam_name and d.held_on = x.held_on""")
                .params(rows.stream().map(DutyRow::examName).toArray(String[]::new),
                        rows.stream().map(DutyRow::heldOn).map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new), districtId)
                .update();
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
                where district_id = any(:ids) and year = :year group by teacher_id, school_id""",
                Map.of("ids", districtIds.toArray(Long[]::new), "year", year));
    }

    /** The same from a proposal, the district's rows of it. */
    Map<Long, double[]> proposedLoads(long proposalId, Collection<Long> districtIds) {
        return loads("""
                select teacher_id, school_id, count(*) as sessions, sum(hours) as hours from exam_proposal_assignment
                where proposal_id = :proposal and district_id = any(:ids) group by teacher_id, school_id""",
                Map.of("proposal", proposalId, "ids", districtIds.toArray(Long[]::new)));
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

    /**
     * What the teachers of these districts already carried in the year, per teacher {sessions, hours, school}: the rows of
     * accepted proposals (all but {@code except}'s) and the imported duties, a duty counted once where an imported row
     * (teacher, exam, day) is one an accepted proposal assigned. Imported rows of the exams and days {@code except} staffs
     * are left out: beside that proposal they are the same sessions.
     */
    Map<Long, double[]> priorLoads(Collection<Long> districtIds, int year, long except) {
        return loads("""
                with accepted as (
                    select a.teacher_id, a.school_id, s.plan_id, s.held_on, a.hours from exam_proposal_assignment a
                    join exam_proposal q on q.id = a.proposal_id join exam_session s on s.id = a.session_id
                    where q.accepted and q.year = :year and q.id <> :except and a.district_id = any(:ids))
                select teacher_id, max(school_id) as school_id, count(*) as sessions, sum(hours) as hours from (
                    select teacher_id, school_id, hours from accepted
                    union all
                    select d.teacher_id, d.school_id, d.hours from exam_duty d where d.district_id = any(:ids) and d.year = :year
                    and not exists (select 1 from accepted a where a.teacher_id = d.teacher_id and a.plan_id = d.plan_id and a.held_on = d.held_on)
                    and not exists (select 1 from exam_proposal_assignment pa join exam_session ps on ps.id = pa.session_id
                                    where pa.proposal_id = :except and ps.plan_id = d.plan_id and ps.held_on = d.held_on)
                ) x group by teacher_id""", Map.of("ids", districtIds.toArray(Long[]::new), "year", year, "except", except));
    }

    /**
     * The sessions of these districts in the year already settled, which a new proposal leaves alone: assigned in an
     * accepted proposal, or done (imported rows of the session's exam and day in its district).
     */
    java.util.Set<Long> settledSessions(Collection<Long> districtIds, int year) {
        return new java.util.HashSet<>(jdbc.sql("""
                select s.id from exam_session s join exam_plan p on p.id = s.plan_id
                where s.district_id = any(:ids) and p.year = :year and (
                    exists (select 1 from exam_proposal_assignment a join exam_proposal q on q.id = a.proposal_id
                            where a.session_id = s.id and q.accepted)
                    or exists (select 1 from exam_duty d where d.plan_id = s.plan_id and d.held_on = s.held_on and d.district_id = s.district_id))""")
                .param("ids", districtIds.toArray(Long[]::new)).param("year", year).query(Long.class).list());
    }

    /** The districts of these with accepted proposal rows for their teachers in the year. */
    java.util.Set<Long> districtsWithAccepted(Collection<Long> districtIds, int year) {
        return new java.util.HashSet<>(jdbc.sql("""
                select distinct a.district_id from exam_proposal_assignment a join exam_proposal q on q.id = a.proposal_id
                where q.accepted and q.year = :year and a.district_id = any(:ids)""")
                .param("ids", districtIds.toArray(Long[]::new)).param("year", year).query(Long.class).list());
    }

    /** Per teacher of these districts, what all accepted proposals of the year give them: {sessions, hours, school}. */
    Map<Long, double[]> acceptedLoads(Collection<Long> districtIds, int year) {
        return loads("""
                select a.teacher_id, a.school_id, count(*) as sessions, sum(a.hours) as hours from exam_proposal_assignment a
                join exam_proposal q on q.id = a.proposal_id where q.accepted and q.year = :year and a.district_id = any(:ids)
                group by a.teacher_id, a.school_id""", Map.of("ids", districtIds.toArray(Long[]::new), "year", year));
    }

    private Map<Long, double[]> loads(String sql, Map<String, Object> params) {
        var loads = new HashMap<Long, double[]>();
        jdbc.sql(sql).params(params).query(rs -> {
            var load = loads.computeIfAbsent(rs.getLong("teacher_id"), k -> new double[3]);
            load[0] += rs.getLong("sessions");
            load[1] += rs.getDouble("hours");
            load[2] = rs.getLong("school_id");
        });
        return loads;
    }
}
