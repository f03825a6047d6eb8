package org.jianfu.exam;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the settings, the plans, their sessions and the exemptions: tables this module owns. */
@Repository
class ExamRepository {

    private final JdbcClient jdbc;

    ExamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules as data: the yearly cap per teacher, the concentration limit (percent). */
    record Settings(int yearlyCap, double concentrationLimit, int version) {
    }

    Settings settings() {
        return jdbc.sql("select * from exam_settings where id = 1")
                .query((rs, n) -> new Settings(rs.getInt("yearly_cap"), rs.getDouble("concentration_limit"), rs.getInt("version"))).single();
    }

    // --- plans

    record PlanDraft(String name, String organiser, LocalDate firstDay, LocalDate lastDay, int sessionsWanted, int candidates,
            int roomsNeeded, String sitesWanted) {
    }

    long insertPlan(long departmentId, long arrangingUnitId, PlanDraft d, String by, Instant now) {
        return jdbc.sql("""
                insert into exam_plan (department_id, arranging_unit_id, year, name, organiser, first_day, last_day, sessions_wanted,
                    candidates, rooms_needed, sites_wanted, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) returning id""")
                .params(departmentId, arrangingUnitId, d.firstDay().getYear(), d.name(), d.organiser(), d.firstDay(), d.lastDay(),
                        d.sessionsWanted(), d.candidates(), d.roomsNeeded(), d.sitesWanted(), by, utc(now))
                .query(Long.class).single();
    }

    boolean decide(long id, int version, ExamPlan.State state, String note, String by, Instant now) {
        return jdbc.sql("""
                update exam_plan set state = ?, decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1
                where id = ? and version = ? and state = 'SUBMITTED'""")
                .params(state.name(), note, by, utc(now), id, version).update() == 1;
    }

    Optional<ExamPlan> plan(long id) {
        return jdbc.sql("select * from exam_plan where id = ?").param(id).query(ExamRepository::plan).optional();
    }

    /**
     * The plans of a year a reader sees: a department its own; a commission those filed with it or with a commission
     * below it (the city all).
     */
    List<ExamPlan> plans(Long departmentId, String arrangingPath, int year) {
        var sql = "select p.* from exam_plan p join unit a on a.id = p.arranging_unit_id where p.year = :year"
                + (departmentId != null ? " and p.department_id = :department" : " and a.path like :path")
                + " order by p.first_day, p.id";
        var statement = jdbc.sql(sql).param("year", year);
        statement = departmentId != null ? statement.param("department", departmentId) : statement.param("path", arrangingPath + "%");
        return statement.query(ExamRepository::plan).list();
    }

    /** The arranged plans whose exams a district's schools may hold: its own commission's and the city's. */
    List<ExamPlan> arrangedFor(Collection<Long> arrangingUnitIds, int year) {
        return jdbc.sql("select * from exam_plan where arranging_unit_id = any(:units) and year = :year and state in ('ARRANGED', 'MOVED')")
                .param("units", arrangingUnitIds.toArray(Long[]::new)).param("year", year).query(ExamRepository::plan).list();
    }

    private static ExamPlan plan(ResultSet rs, int n) throws SQLException {
        return new ExamPlan(rs.getLong("id"), rs.getLong("department_id"), rs.getLong("arranging_unit_id"), rs.getInt("year"),
                rs.getString("name"), rs.getString("organiser"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), rs.getInt("sessions_wanted"), rs.getInt("candidates"), rs.getInt("rooms_needed"),
                rs.getString("sites_wanted"), ExamPlan.State.valueOf(rs.getString("state")), rs.getString("decision_note"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getInt("version"));
    }

    // --- sessions

    long insertSession(long planId, long districtId, long schoolId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, int rooms,
            int perRoom, String by, Instant now) {
        return jdbc.sql("""
                insert into exam_session (plan_id, district_id, school_id, held_on, starts_at, ends_at, rooms, per_room, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(planId, districtId, schoolId, heldOn, startsAt, endsAt, rooms, perRoom, by, utc(now)).query(Long.class).single();
    }

    List<ExamSession> sessionsOf(long planId) {
        return jdbc.sql("select * from exam_session where plan_id = ? order by held_on, starts_at, id").param(planId)
                .query(ExamRepository::session).list();
    }

    /** The sessions of a year at the schools of these districts, under arranged plans only. */
    List<ExamSession> sessionsIn(Collection<Long> districtIds, int year) {
        return jdbc.sql("""
                select s.* from exam_session s join exam_plan p on p.id = s.plan_id
                where s.district_id = any(:ids) and p.year = :year and p.state in ('ARRANGED', 'MOVED')
                order by s.held_on, s.starts_at, s.id""")
                .param("ids", districtIds.toArray(Long[]::new)).param("year", year).query(ExamRepository::session).list();
    }

    private static ExamSession session(ResultSet rs, int n) throws SQLException {
        return new ExamSession(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("district_id"), rs.getLong("school_id"),
                rs.getObject("held_on", LocalDate.class), rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                rs.getInt("rooms"), rs.getInt("per_room"));
    }

    // --- exemptions

    record Exemption(long id, long districtId, long teacherId, LocalDate fromDay, LocalDate toDay, String reason) {
    }

    long insertExemption(long districtId, long teacherId, LocalDate from, LocalDate to, String reason, String by, Instant now) {
        return jdbc.sql("""
                insert into exam_exemption (district_id, teacher_id, from_day, to_day, reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""").params(districtId, teacherId, from, to, reason, by, utc(now))
                .query(Long.class).single();
    }

    /** The exemptions of these districts' teachers touching the year. */
    List<Exemption> exemptionsIn(Collection<Long> districtIds, int year) {
        return jdbc.sql("""
                select * from exam_exemption where district_id = any(:ids) and from_day <= :last and to_day >= :first
                order by teacher_id, from_day""")
                .param("ids", districtIds.toArray(Long[]::new)).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Exemption(rs.getLong("id"), rs.getLong("district_id"), rs.getLong("teacher_id"),
                        rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class), rs.getString("reason")))
                .list();
    }

    // --- tallies for the ledger

    /** Per district of these, in the year: {plans filed with it, arranged, sessions at its schools, schools hosting, most at one school}. */
    java.util.Map<Long, long[]> tally(Collection<Long> districtIds, int year) {
        var tally = new java.util.HashMap<Long, long[]>();
        var ids = districtIds.toArray(Long[]::new);
        jdbc.sql("""
                select arranging_unit_id as id, count(*) as filed, count(*) filter (where state in ('ARRANGED', 'MOVED')) as arranged
                from exam_plan where arranging_unit_id = any(:ids) and year = :year group by arranging_unit_id""")
                .param("ids", ids).param("year", year)
                .query(rs -> {
                    var t = tally.computeIfAbsent(rs.getLong("id"), k -> new long[5]);
                    t[0] = rs.getLong("filed");
                    t[1] = rs.getLong("arranged");
                });
        jdbc.sql("""
                select district_id as id, sum(n) as sessions, count(*) as schools, max(n) as most from (
                    select s.district_id, s.school_id, count(*) as n from exam_session s join exam_plan p on p.id = s.plan_id
                    where s.district_id = any(:ids) and p.year = :year and p.state in ('ARRANGED', 'MOVED') group by s.district_id, s.school_id) h
                group by district_id""")
                .param("ids", ids).param("year", year)
                .query(rs -> {
                    var t = tally.computeIfAbsent(rs.getLong("id"), k -> new long[5]);
                    t[2] = rs.getLong("sessions");
                    t[3] = rs.getLong("schools");
                    t[4] = rs.getLong("most");
                });
        return tally;
    }
}
