package org.jianfu.staffing;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the trainings of the districts' plans and the hours teachers attended them. */
@Repository
class TrainingRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TrainingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(long districtId, int year, TrainingDraft d, long organiserId, TrainingState state, Instant now, String by) {
        return jdbc.sql("""
                insert into staffing_training (district_id, year, title, organiser_unit_id, kind, mode, hours, targets, state, created_at,
                    created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, year, d.title(), organiserId, d.kind().name(), d.mode().name(), d.hours(), d.targets(), state.name(),
                        utc(now), by)
                .query(Long.class).single();
    }

    Optional<Training> find(long id) {
        return jdbc.sql("select * from staffing_training where id = ?").param(id).query(TrainingRepository::map).optional();
    }

    /** Decides a training waiting for approval: false when it was decided or changed meanwhile. */
    boolean decide(long id, int version, TrainingState to, Long mergedInto, String reason, Instant now, String by) {
        return jdbc.sql("""
                update staffing_training set state = ?, merged_into_id = ?, decision_reason = ?, decided_at = ?, decided_by = ?,
                    version = version + 1
                where id = ? and version = ? and state = 'SUBMITTED'""")
                .params(to.name(), mergedInto, reason, utc(now), by, id, version).update() == 1;
    }

    /** The trainings of a district's plan another may be merged into: planned or approved, that year, newest first. */
    List<Training> mergeTargets(long districtId, int year, long except) {
        return jdbc.sql("""
                select * from staffing_training where district_id = ? and year = ? and state in ('PLANNED', 'APPROVED') and id <> ?
                order by id desc limit 100""").params(districtId, year, except).query(TrainingRepository::map).list();
    }

    /** Which trainings a list shows: a district's plan of a year, or those one unit organises; of a kind or any. */
    record Scope(Long districtId, Long organiserId, int year, TrainingKind kind) {

        String where() {
            return (districtId != null ? "district_id = :district" : "organiser_unit_id = :organiser") + " and year = :year"
                    + (kind == null ? "" : " and kind = :kind");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            var spec = statement.param("year", year);
            spec = districtId != null ? spec.param("district", districtId) : spec.param("organiser", organiserId);
            return kind == null ? spec : spec.param("kind", kind.name());
        }
    }

    Map<TrainingState, Long> countByState(Scope scope) {
        var counts = new EnumMap<TrainingState, Long>(TrainingState.class);
        scope.bind(jdbc.sql("select state, count(*) as n from staffing_training where " + scope.where() + " group by state"))
                .query(rs -> {
                    counts.put(TrainingState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    List<Training> page(Scope scope, TrainingState state, int offset) {
        return rows(scope, state, offset, ListPage.SIZE);
    }

    /** The trainings of the scope, newest first, from an offset: a page of the list, or the rows of its file. */
    List<Training> rows(Scope scope, TrainingState state, int offset, int limit) {
        return scope.bind(jdbc.sql("select * from staffing_training where " + scope.where() + (state == null ? "" : " and state = :state")
                + " order by id desc limit :size offset :offset"))
                .param("state", state == null ? null : state.name()).param("size", limit).param("offset", offset)
                .query(TrainingRepository::map).list();
    }

    /** The trainings of a district a file may name: by number, or by title in the plan of any year. */
    List<Training> ofDistrict(long districtId) {
        return jdbc.sql("select * from staffing_training where district_id = ? order by id").param(districtId)
                .query(TrainingRepository::map).list();
    }

    // --- attendance

    /** The hours a teacher attended of a training, or null. */
    BigDecimal attended(long trainingId, long teacherId) {
        return jdbc.sql("select hours from staffing_attendance where training_id = ? and teacher_id = ?").params(trainingId, teacherId)
                .query(BigDecimal.class).optional().orElse(null);
    }

    void attend(Training training, AttendanceImport.Row row, long schoolId, long importId) {
        jdbc.sql("""
                insert into staffing_attendance (training_id, teacher_id, district_id, school_id, year, teacher_number, teacher_name, hours,
                    import_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (training_id, teacher_id) do update set hours = excluded.hours, import_id = excluded.import_id,
                    school_id = excluded.school_id, teacher_name = excluded.teacher_name""")
                .params(training.id(), row.teacherId(), training.districtId(), schoolId, training.year(), row.teacherNumber(),
                        row.teacherName(), row.hours(), importId)
                .update();
    }

    /** How many teachers of a district attended trainings in the year, and how many above the limit of hours. */
    record HoursSummary(long teachers, long above, BigDecimal hours) {

        /** The mean hours per teacher who attended any, to one decimal. */
        public BigDecimal perTeacher() {
            return teachers == 0 ? BigDecimal.ZERO : hours.divide(BigDecimal.valueOf(teachers), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** Per district, in one query whatever their number: teachers who attended, those above the limit, the hours. */
    Map<Long, HoursSummary> hoursSummary(Collection<Long> districtIds, int year, int limit) {
        var summaries = new HashMap<Long, HoursSummary>();
        jdbc.sql("""
                select district_id, count(*) as teachers, count(*) filter (where hours > ?) as above, sum(hours) as hours
                from (select district_id, teacher_id, sum(hours) as hours from staffing_attendance
                      where district_id = any(?) and year = ? group by district_id, teacher_id) per_teacher
                group by district_id""")
                .params(limit, districtIds.toArray(Long[]::new), year)
                .query(rs -> {
                    summaries.put(rs.getLong("district_id"), new HoursSummary(rs.getLong("teachers"), rs.getLong("above"),
                            rs.getBigDecimal("hours")));
                });
        return summaries;
    }

    /** A teacher's hours of training in a year, with how many trainings they came from. */
    record TeacherHours(long teacherId, String teacherNumber, String teacherName, long schoolId, BigDecimal hours, int trainings) {
    }

    /** One page of a district's teachers by their hours in the year, most first; only those above the limit when asked. */
    List<TeacherHours> hours(long districtId, int year, Integer above, int offset) {
        return jdbc.sql("""
                select teacher_id, min(teacher_number) as teacher_number, min(teacher_name) as teacher_name, min(school_id) as school_id,
                       sum(hours) as hours, count(*) as trainings
                from staffing_attendance where district_id = :district and year = :year
                group by teacher_id having sum(hours) > :above order by sum(hours) desc, teacher_id limit :size offset :offset""")
                .param("district", districtId).param("year", year).param("above", above == null ? -1 : above)
                .param("size", ListPage.SIZE).param("offset", offset)
                .query((rs, n) -> new TeacherHours(rs.getLong("teacher_id"), rs.getString("teacher_number"), rs.getString("teacher_name"),
                        rs.getLong("school_id"), rs.getBigDecimal("hours"), rs.getInt("trainings")))
                .list();
    }

    /**
     * Per district, the trainings of the year's plan by state, and those requirement 21 asks for, given (neither merged nor
     * cancelled) with their hours: mental health and information technology.
     */
    record PlanCount(EnumMap<TrainingState, Integer> byState, int mentalHealth, BigDecimal mentalHealthHours,
            int informationTechnology, BigDecimal informationTechnologyHours) {

        static PlanCount none() {
            return new PlanCount(new EnumMap<>(TrainingState.class), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
        }
    }

    Map<Long, PlanCount> planCounts(Collection<Long> districtIds, int year) {
        var counts = new HashMap<Long, PlanCount>();
        jdbc.sql("""
                select district_id, state, count(*) as n, count(*) filter (where kind = 'MENTAL_HEALTH') as mental,
                       coalesce(sum(hours) filter (where kind = 'MENTAL_HEALTH'), 0) as mental_hours,
                       count(*) filter (where kind = 'INFORMATION_TECHNOLOGY') as it,
                       coalesce(sum(hours) filter (where kind = 'INFORMATION_TECHNOLOGY'), 0) as it_hours
                from staffing_training where district_id = any(?) and year = ? group by district_id, state""")
                .params(districtIds.toArray(Long[]::new), year)
                .query(rs -> {
                    var district = rs.getLong("district_id");
                    var state = TrainingState.valueOf(rs.getString("state"));
                    var before = counts.getOrDefault(district, PlanCount.none());
                    before.byState().put(state, rs.getInt("n"));
                    if (!state.attended()) { // merged and cancelled trainings are not given: only those of the plan count
                        counts.put(district, before);
                        return;
                    }
                    counts.put(district, new PlanCount(before.byState(), before.mentalHealth() + rs.getInt("mental"),
                            before.mentalHealthHours().add(rs.getBigDecimal("mental_hours")), before.informationTechnology() + rs.getInt("it"),
                            before.informationTechnologyHours().add(rs.getBigDecimal("it_hours"))));
                });
        return counts;
    }

    // --- attendance imports

    long insertImport(long districtId, String fileName, List<AttendanceImport.Row> rows, Instant now, String by) {
        jdbc.sql("update staffing_attendance_import set state = 'SUPERSEDED' where district_id = ? and state = 'PREVIEWED'")
                .param(districtId).update();
        var problems = rows.stream().filter(r -> r.problem() != null).count();
        var id = jdbc.sql("""
                insert into staffing_attendance_import (district_id, file_name, state, rows_read, problems, previewed_at, previewed_by)
                values (?, ?, 'PREVIEWED', ?, ?, ?, ?) returning id""")
                .params(districtId, fileName, rows.size(), problems, utc(now), by).query(Long.class).single();
        var batch = new ArrayList<Object[]>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            batch.add(new Object[] { id, i, r.rowNumber(), r.teacherNumber(), r.trainingText(), r.hoursText(), r.teacherId(), r.teacherName(),
                    r.trainingId(), r.trainingTitle(), r.hours(), r.problem(), r.problemArgument() });
        }
        template.batchUpdate("""
                insert into staffing_attendance_import_row (import_id, position, row_number, teacher_number, training_text, hours_text,
                    teacher_id, teacher_name, training_id, training_title, hours, problem, problem_argument)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        return id;
    }

    Optional<AttendanceImport> findImport(long id) {
        return jdbc.sql("select * from staffing_attendance_import where id = ?").param(id)
                .query((rs, n) -> new AttendanceImport(rs.getLong("id"), rs.getLong("district_id"), rs.getString("file_name"),
                        AttendanceImport.State.valueOf(rs.getString("state")), rs.getInt("rows_read"), rs.getInt("problems"),
                        instant(rs, "previewed_at"), rs.getString("previewed_by"), instant(rs, "applied_at"), rs.getString("applied_by"),
                        List.of()))
                .optional()
                .map(i -> i.withRows(jdbc.sql("select * from staffing_attendance_import_row where import_id = ? order by position")
                        .param(id).query((rs, n) -> new AttendanceImport.Row(rs.getInt("row_number"), rs.getString("teacher_number"),
                                rs.getString("training_text"), rs.getString("hours_text"), rs.getObject("teacher_id", Long.class),
                                rs.getString("teacher_name"), rs.getObject("training_id", Long.class), rs.getString("training_title"),
                                rs.getBigDecimal("hours"), rs.getString("problem"), rs.getString("problem_argument")))
                        .list()));
    }

    /** Marks a preview applied: false when it was applied, or replaced by a newer file, meanwhile. */
    boolean markApplied(long id, Instant now, String by) {
        return jdbc.sql("update staffing_attendance_import set state = 'APPLIED', applied_at = ?, applied_by = ? where id = ? and state = 'PREVIEWED'")
                .params(utc(now), by, id).update() == 1;
    }

    /** Locks the training for the rest of the transaction, so that it is not cancelled while its attendance is written. */
    Optional<Training> lock(long id) {
        return jdbc.sql("select * from staffing_training where id = ? for share").param(id).query(TrainingRepository::map).optional();
    }

    private static Training map(ResultSet rs, int n) throws SQLException {
        return new Training(rs.getLong("id"), rs.getLong("district_id"), rs.getInt("year"), rs.getString("title"),
                rs.getLong("organiser_unit_id"), TrainingKind.valueOf(rs.getString("kind")), TrainingMode.valueOf(rs.getString("mode")),
                rs.getBigDecimal("hours"), rs.getString("targets"), TrainingState.valueOf(rs.getString("state")),
                rs.getObject("merged_into_id", Long.class), rs.getString("decision_reason"), instant(rs, "decided_at"),
                rs.getString("decided_by"), instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
