package org.jianfu.staffing;

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

/** SQL for the aid programmes, tasks and dispatches, and for a school's teachers away (secondments and dispatches together). */
@Repository
class AidRepository {

    private static final String DISPATCH = """
            select d.*, t.programme, t.destination from staffing_aid_dispatch d join staffing_aid_task t on t.id = d.task_id""";
    /** The dispatches away on some day of the year (:first to :last). */
    private static final String IN_YEAR = "d.starts_on <= :last and coalesce(d.returned_on, d.ends_on) >= :first";

    private final JdbcClient jdbc;

    AidRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AidProgramme> programmes() {
        return jdbc.sql("select * from staffing_aid_programme order by position, code")
                .query((rs, n) -> new AidProgramme(rs.getString("code"), rs.getString("name"), rs.getString("name_en"))).list();
    }

    long insertTask(long districtId, AidTaskDraft d, Instant now, String by) {
        return jdbc.sql("""
                insert into staffing_aid_task (district_id, programme, destination, places, starts_on, ends_on, basis, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, d.programme(), d.destination(), d.places(), d.startsOn(), d.endsOn(), d.basis(), utc(now), by)
                .query(Long.class).single();
    }

    private static final String TASK = """
            select t.*, (select count(*) from staffing_aid_dispatch d where d.task_id = t.id) as sent from staffing_aid_task t""";

    Optional<AidTask> findTask(long id) {
        return jdbc.sql(TASK + " where t.id = ?").param(id).query(AidRepository::task).optional();
    }

    /** A district's tasks under way some day of the year, newest first. */
    List<AidTask> tasks(long districtId, int year) {
        return jdbc.sql(TASK + " where t.district_id = :district and t.starts_on <= :last and t.ends_on >= :first order by t.id desc")
                .param("district", districtId).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(AidRepository::task).list();
    }

    long insertDispatch(AidTask task, Teacher teacher, LocalDate startsOn, LocalDate endsOn, Instant now, String by) {
        return jdbc.sql("""
                insert into staffing_aid_dispatch (task_id, district_id, school_id, teacher_id, teacher_number, teacher_name, starts_on,
                    ends_on, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(task.id(), task.districtId(), teacher.schoolId(), teacher.id(), teacher.teacherNumber(), teacher.name(), startsOn,
                        endsOn, utc(now), by)
                .query(Long.class).single();
    }

    Optional<AidDispatch> findDispatch(long id) {
        return jdbc.sql(DISPATCH + " where d.id = ?").param(id).query(AidRepository::dispatch).optional();
    }

    List<AidDispatch> dispatchesOf(long taskId) {
        return jdbc.sql(DISPATCH + " where d.task_id = ? order by d.id").param(taskId).query(AidRepository::dispatch).list();
    }

    boolean returned(long id, int version, LocalDate returnedOn) {
        return jdbc.sql("update staffing_aid_dispatch set returned_on = ?, version = version + 1 where id = ? and version = ?")
                .params(returnedOn, id, version).update() == 1;
    }

    /** Whether the teacher is away on a secondment or a dispatch some day between these two (a dispatch left out by id). */
    boolean away(long teacherId, LocalDate from, LocalDate to, Long exceptDispatch) {
        return jdbc.sql("""
                select exists (select 1 from staffing_secondment where teacher_id = :teacher and starts_on <= :to
                                 and coalesce(returned_on, ends_on, 'infinity'::date) >= :from)
                    or exists (select 1 from staffing_aid_dispatch where teacher_id = :teacher and starts_on <= :to
                                 and coalesce(returned_on, ends_on) >= :from and id is distinct from cast(:except as bigint))""")
                .param("teacher", teacherId).param("from", from).param("to", to).param("except", exceptDispatch)
                .query(Boolean.class).single();
    }

    /** Whether the teacher is away on a dispatch some day between these two. */
    boolean dispatchedBetween(long teacherId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select exists (select 1 from staffing_aid_dispatch where teacher_id = ? and starts_on <= ?
                                 and coalesce(returned_on, ends_on) >= ?)""")
                .params(teacherId, to, from).query(Boolean.class).single();
    }

    // --- lists

    long count(Long districtId, int year) {
        return year(jdbc.sql("select count(*) from staffing_aid_dispatch d where " + where(districtId)), districtId, year)
                .query(Long.class).single();
    }

    /** One page of a district's (or every district's) dispatches away some day of the year, newest first. */
    List<AidDispatch> page(Long districtId, int year, int offset) {
        return rows(districtId, year, offset, ListPage.SIZE);
    }

    /** The dispatches away some day of the year, latest first, from an offset: a page of the list, or the rows of its file. */
    List<AidDispatch> rows(Long districtId, int year, int offset, int limit) {
        return year(jdbc.sql(DISPATCH + " where " + where(districtId) + " order by d.starts_on desc, d.id desc limit :size offset :offset"),
                districtId, year).param("size", limit).param("offset", offset).query(AidRepository::dispatch).list();
    }

    private static String where(Long districtId) {
        return (districtId == null ? "true" : "d.district_id = :district") + " and " + IN_YEAR;
    }

    private static JdbcClient.StatementSpec year(JdbcClient.StatementSpec statement, Long districtId, int year) {
        var spec = statement.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31));
        return districtId == null ? spec : spec.param("district", districtId);
    }

    /**
     * Per district, the teachers sent some day of the year, those away on {@code today}, and their days away within the
     * year: one query for any number of districts (null: every district).
     */
    Map<Long, AwayCount> byDistrict(Collection<Long> districtIds, int year, LocalDate today) {
        var first = LocalDate.of(year, 1, 1);
        var last = LocalDate.of(year, 12, 31);
        var counts = new HashMap<Long, AwayCount>();
        jdbc.sql("""
                select d.district_id, count(distinct d.teacher_id) as teachers,
                       count(distinct d.teacher_id) filter (where d.starts_on <= :today and coalesce(d.returned_on, d.ends_on) >= :today) as away,
                       coalesce(sum(least(coalesce(d.returned_on, d.ends_on), :last) - greatest(d.starts_on, :first) + 1), 0) as days
                from staffing_aid_dispatch d
                where (cast(:all as boolean) or d.district_id = any(:districts))""" + " and " + IN_YEAR + " group by d.district_id")
                .param("all", districtIds == null).param("districts", districtIds == null ? new Long[0] : districtIds.toArray(Long[]::new))
                .param("first", first).param("last", last).param("today", today)
                .query(rs -> {
                    counts.put(rs.getLong("district_id"), new AwayCount(rs.getInt("teachers"), rs.getInt("away"), rs.getLong("days")));
                });
        return counts;
    }

    /** A district's teachers sent in a year, those away on a day, and their days away within the year. */
    record AwayCount(int teachers, int awayNow, long days) {
    }

    /**
     * Per school of a district, the teachers away from it some day of the year on a secondment (any purpose) or an aid
     * dispatch, and their days away within the year: the time a school loses its teachers, whichever way they went.
     */
    List<SchoolAway> awayBySchool(long districtId, int year) {
        return jdbc.sql("""
                with away as (
                    select school_id, teacher_id, 'S' as kind, greatest(starts_on, :first) as f,
                           least(coalesce(returned_on, ends_on, :last), :last) as l
                    from staffing_secondment
                    where district_id = :district and starts_on <= :last and coalesce(returned_on, ends_on, :last) >= :first
                    union all
                    select school_id, teacher_id, 'D', greatest(starts_on, :first), least(coalesce(returned_on, ends_on), :last)
                    from staffing_aid_dispatch
                    where district_id = :district and starts_on <= :last and coalesce(returned_on, ends_on) >= :first)
                select school_id, count(distinct teacher_id) filter (where kind = 'S') as seconded,
                       count(distinct teacher_id) filter (where kind = 'D') as dispatched, count(distinct teacher_id) as teachers,
                       sum(l - f + 1) as days
                from away group by school_id order by school_id""")
                .param("district", districtId).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new SchoolAway(rs.getLong("school_id"), null, rs.getInt("seconded"), rs.getInt("dispatched"),
                        rs.getInt("teachers"), rs.getLong("days")))
                .list();
    }

    private static AidTask task(ResultSet rs, int n) throws SQLException {
        return new AidTask(rs.getLong("id"), rs.getLong("district_id"), rs.getString("programme"), rs.getString("destination"),
                rs.getInt("places"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("basis"), instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"), rs.getInt("sent"));
    }

    private static AidDispatch dispatch(ResultSet rs, int n) throws SQLException {
        return new AidDispatch(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("district_id"), rs.getLong("school_id"),
                rs.getLong("teacher_id"), rs.getString("teacher_number"), rs.getString("teacher_name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class), rs.getString("programme"), rs.getString("destination"),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
