package org.jianfu.duty;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.jianfu.teacher.Teacher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the workload standards and the teachers' weekly lessons, compared with them: tables this module owns. */
@Repository
class WorkloadRepository {

    /**
     * Each teacher with recorded lessons, the hours of their duties in force on {@code :today} and the most specific standard
     * matching their stage, subject and post (the lowest maximum among equally specific ones), and whether their total is
     * above it: the one definition every list, figure and file reads.
     */
    private static final String WORKLOAD = """
            select l.*, coalesce(d.hours, 0) as duty_hours, s.max_periods,
                   coalesce(l.lessons + coalesce(d.hours, 0) > s.max_periods, false) as above
            from duty_lessons l
            left join lateral (select sum(a.hours_per_week) as hours from duty_assignment a
                where a.teacher_id = l.teacher_id and not a.refused and a.starts_on <= :today
                  and (a.ends_on is null or a.ends_on >= :today)) d on true
            left join lateral (select s.max_periods from duty_workload_standard s
                where (s.stage is null or s.stage = l.stage) and (s.subject is null or s.subject = l.subject)
                  and (s.post is null or s.post = l.post)
                order by (s.stage is not null)::int + (s.subject is not null)::int + (s.post is not null)::int desc, s.max_periods
                limit 1) s on true
            """;

    private final JdbcClient jdbc;

    WorkloadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- standards

    List<WorkloadStandard> standards() {
        return jdbc.sql("select * from duty_workload_standard order by stage nulls first, subject nulls first, post nulls first")
                .query(WorkloadRepository::standard).list();
    }

    Optional<WorkloadStandard> standard(long id) {
        return jdbc.sql("select * from duty_workload_standard where id = ?").param(id).query(WorkloadRepository::standard).optional();
    }

    /** Sets the standard of a stage, subject and post (blank: any), adding it or changing the one there is. */
    long putStandard(String stage, String subject, String post, int maxPeriods, String by, Instant now) {
        return jdbc.sql("""
                insert into duty_workload_standard (stage, subject, post, max_periods, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (coalesce(stage, ''), coalesce(subject, ''), coalesce(post, ''))
                do update set max_periods = excluded.max_periods, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                    version = duty_workload_standard.version + 1
                returning id""").params(stage, subject, post, maxPeriods, by, utc(now)).query(Long.class).single();
    }

    boolean deleteStandard(long id, int version) {
        return jdbc.sql("delete from duty_workload_standard where id = ? and version = ?").params(id, version).update() == 1;
    }

    private static WorkloadStandard standard(ResultSet rs, int n) throws SQLException {
        return new WorkloadStandard(rs.getLong("id"), rs.getString("stage"), rs.getString("subject"), rs.getString("post"),
                rs.getInt("max_periods"), instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version"));
    }

    // --- lessons

    Optional<TeacherWorkload> find(long teacherId, LocalDate today) {
        return jdbc.sql(WORKLOAD + " where l.teacher_id = :teacher").param("teacher", teacherId).param("today", today)
                .query(WorkloadRepository::workload).optional();
    }

    /** Records a teacher's weekly lessons, with their fields as the roster has them now. */
    void putLessons(Teacher teacher, int lessons, String by, Instant now) {
        jdbc.sql("""
                insert into duty_lessons (teacher_id, district_id, school_id, teacher_number, teacher_name, stage, subject, post, lessons,
                    updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (teacher_id) do update set district_id = excluded.district_id, school_id = excluded.school_id,
                    teacher_number = excluded.teacher_number, teacher_name = excluded.teacher_name, stage = excluded.stage,
                    subject = excluded.subject, post = excluded.post, lessons = excluded.lessons, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at, version = duty_lessons.version + 1""")
                .params(teacher.id(), teacher.districtId(), teacher.schoolId(), teacher.teacherNumber(), teacher.name(), teacher.stage(),
                        teacher.subject(), teacher.post(), lessons, by, utc(now))
                .update();
    }

    /** How many teachers of the scope have lessons recorded, and how many of them are above their standard. */
    long[] counts(DutyAccess.Scope scope, LocalDate today) {
        var sql = "select count(*) as recorded, count(*) filter (where above) as above from (" + WORKLOAD + " where "
                + scope.where("l.") + ") w";
        return bind(jdbc.sql(sql), scope).param("today", today)
                .query((rs, n) -> new long[] { rs.getLong("recorded"), rs.getLong("above") }).single();
    }

    /** One page of the scope's teachers (only those above their standard, if asked), by teacher number. */
    List<TeacherWorkload> page(DutyAccess.Scope scope, boolean aboveOnly, LocalDate today, int offset) {
        var sql = "select * from (" + WORKLOAD + " where " + scope.where("l.") + ") w" + (aboveOnly ? " where above" : "")
                + " order by teacher_number limit :size offset :offset";
        return bind(jdbc.sql(sql), scope).param("today", today).param("size", ListPage.SIZE).param("offset", offset)
                .query(WorkloadRepository::workload).list();
    }

    /** Every teacher of the scope with recorded lessons, for the export. */
    List<TeacherWorkload> all(DutyAccess.Scope scope, LocalDate today) {
        var sql = WORKLOAD + " where " + scope.where("l.") + " order by l.school_id, l.teacher_number";
        return bind(jdbc.sql(sql), scope).param("today", today).query(WorkloadRepository::workload).list();
    }

    /** Per district of these, the teachers with lessons recorded and those above their standard today: one query. */
    Map<Long, long[]> tally(Collection<Long> districtIds, LocalDate today) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("select district_id, count(*) as recorded, count(*) filter (where above) as above from (" + WORKLOAD
                + " where l.district_id = any(:ids)) w group by district_id")
                .param("ids", districtIds.toArray(Long[]::new)).param("today", today)
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("recorded"), rs.getLong("above") });
                });
        return tally;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DutyAccess.Scope scope) {
        return scope.unit() == null ? statement : statement.param("unit", scope.unit());
    }

    private static TeacherWorkload workload(ResultSet rs, int n) throws SQLException {
        return new TeacherWorkload(rs.getLong("teacher_id"), rs.getLong("school_id"), rs.getString("teacher_number"),
                rs.getString("teacher_name"), rs.getString("stage"), rs.getString("subject"), rs.getString("post"), rs.getInt("lessons"),
                rs.getBigDecimal("duty_hours"), rs.getObject("max_periods", Integer.class), rs.getInt("version"));
    }
}
