package org.jianfu.teacher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.audit.AuditActor;
import org.jianfu.audit.AuditKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the teacher roster and its imports. */
@Repository
class RosterRepository {

    /** Past this many rows a list says "more than" instead of counting a city's millions of teachers. */
    static final int COUNT_CAP = 10_000;
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;

    RosterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- teachers

    /** A teacher with the identity hash, which only the preview reads (to compare); it is never shown nor audited. */
    record Stored(Teacher teacher, String idHash) {
    }

    Optional<Teacher> find(long id) {
        return jdbc.sql("select * from teacher where id = ?").param(id).query(RosterRepository::teacher).optional();
    }

    Optional<Teacher> findByNumber(String teacherNumber) {
        return jdbc.sql("select * from teacher where teacher_number = ?").param(teacherNumber).query(RosterRepository::teacher).optional();
    }

    /**
     * Which teachers a list shows: of one school, or one district, or (both null) the whole city; only those whose name or
     * number starts with {@code prefix} when given; in one state.
     */
    record Filter(Long schoolId, Long districtId, String prefix, Teacher.State state) {
    }

    /** A page of the filter's teachers by number. */
    List<Teacher> teachers(Filter filter, int offset, int limit) {
        var params = new HashMap<String, Object>();
        var where = where(filter, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from teacher t" + where + " order by t.teacher_number limit :limit offset :offset").params(params)
                .query(RosterRepository::teacher).list();
    }

    /** How many teachers the filter keeps, counted up to {@code cap} (a city has millions: the count stops there). */
    long count(Filter filter, int cap) {
        var params = new HashMap<String, Object>();
        var where = where(filter, params);
        params.put("cap", cap);
        return jdbc.sql("select count(*) from (select 1 from teacher t" + where + " limit :cap) c").params(params)
                .query(Long.class).single();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        var where = new StringBuilder(" where t.state = :state");
        params.put("state", filter.state().name());
        if (filter.schoolId() != null) {
            where.append(" and t.school_id = :school");
            params.put("school", filter.schoolId());
        }
        if (filter.districtId() != null) {
            where.append(" and t.district_id = :district");
            params.put("district", filter.districtId());
        }
        if (filter.prefix() != null) {
            where.append(" and (t.name like :prefix or t.teacher_number like :prefix)");
            params.put("prefix", filter.prefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    /** A school's teachers in the roster, by number. */
    List<Teacher> activeOfSchool(long schoolId) {
        return jdbc.sql("select * from teacher where school_id = ? and state = 'ACTIVE' order by teacher_number").param(schoolId)
                .query(RosterRepository::teacher).list();
    }

    /** Teachers in the roster per school of a district (schools without any are left out). */
    Map<Long, Long> activeCountsBySchool(long districtId) {
        var counts = new LinkedHashMap<Long, Long>();
        jdbc.sql("select school_id, count(*) from teacher where district_id = ? and state = 'ACTIVE' group by school_id order by school_id")
                .param(districtId).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** Teachers in the roster per school of the districts (schools without any are left out). */
    Map<Long, Long> activeCountsBySchool(Collection<Long> districtIds) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("select school_id, count(*) from teacher where district_id = any(?) and state = 'ACTIVE' group by school_id")
                .param(districtIds.toArray(Long[]::new)).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** The teachers of the schools in the roster, school by school, by teacher number. */
    List<Teacher> activeOfSchools(Collection<Long> schoolIds) {
        return jdbc.sql("select * from teacher where school_id = any(?) and state = 'ACTIVE' order by school_id, teacher_number")
                .param(schoolIds.toArray(Long[]::new)).query(RosterRepository::teacher).list();
    }

    long activeCount(Long schoolId, Long districtId) {
        return count(new Filter(schoolId, districtId, null, Teacher.State.ACTIVE), Integer.MAX_VALUE);
    }

    /**
     * The teachers an import of these rows can touch: those with one of the numbers or identity hashes, and those of the
     * schools it names (who are marked as left when it no longer lists them).
     */
    List<Stored> touchedBy(Collection<String> numbers, Collection<String> hashes, Collection<Long> schoolIds) {
        return jdbc.sql("""
                select * from teacher where teacher_number = any(:numbers) or id_hash = any(:hashes) or school_id = any(:schools)""")
                .param("numbers", numbers.toArray(String[]::new)).param("hashes", hashes.toArray(String[]::new))
                .param("schools", schoolIds.toArray(Long[]::new))
                .query((rs, n) -> new Stored(teacher(rs, n), rs.getString("id_hash"))).list();
    }

    // --- imports

    long insertImport(long districtId, String token, String fileName, String sha256, String by, Instant at, int rowsRead, int added,
            int updated, int unchanged, int leaving, int problems) {
        return jdbc.sql("""
                insert into roster_import (district_id, token, file_name, file_sha256, state, previewed_by, previewed_at, rows_read,
                    added, updated, unchanged, leaving, problems)
                values (?, ?, ?, ?, 'PREVIEWED', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, token, fileName, sha256, by, Timestamp.from(at), rowsRead, added, updated, unchanged, leaving, problems)
                .query(Long.class).single();
    }

    void insertRows(long importId, List<RosterImport.Row> rows) {
        // Ten thousand rows a statement as columns of arrays: a city's 150,000 rows in 15 statements, not 150,000 inserts.
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.sql("""
                    insert into roster_import_row (import_id, position, row_number, action, teacher_id, teacher_version, teacher_number,
                        name, school_name, school_id, stage, subject, post, id_hash, id_tail, changes, problem, problem_detail)
                    select ?, * from unnest(?::int[], ?::int[], ?::text[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[],
                        ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")
                    .params(importId, column(batch, RosterImport.Row::position, Integer[]::new),
                            column(batch, RosterImport.Row::rowNumber, Integer[]::new), column(batch, r -> r.action().name(), String[]::new),
                            column(batch, RosterImport.Row::teacherId, Long[]::new),
                            column(batch, RosterImport.Row::teacherVersion, Integer[]::new),
                            column(batch, RosterImport.Row::teacherNumber, String[]::new), column(batch, RosterImport.Row::name, String[]::new),
                            column(batch, RosterImport.Row::schoolName, String[]::new), column(batch, RosterImport.Row::schoolId, Long[]::new),
                            column(batch, RosterImport.Row::stage, String[]::new), column(batch, RosterImport.Row::subject, String[]::new),
                            column(batch, RosterImport.Row::post, String[]::new), column(batch, RosterImport.Row::idHash, String[]::new),
                            column(batch, RosterImport.Row::idTail, String[]::new), column(batch, RosterImport.Row::changes, String[]::new),
                            column(batch, RosterImport.Row::problem, String[]::new),
                            column(batch, RosterImport.Row::problemDetail, String[]::new))
                    .update();
        }
    }

    private static <T> T[] column(List<RosterImport.Row> rows, java.util.function.Function<RosterImport.Row, T> value,
            java.util.function.IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** Marks the district's earlier previews as superseded (a newer file replaces them) and drops their rows. */
    void supersede(long districtId, long exceptId) {
        jdbc.sql("""
                delete from roster_import_row where import_id in (
                    select id from roster_import where district_id = ? and state = 'PREVIEWED' and id <> ?)""")
                .params(districtId, exceptId).update();
        jdbc.sql("update roster_import set state = 'SUPERSEDED' where district_id = ? and state = 'PREVIEWED' and id <> ?")
                .params(districtId, exceptId).update();
    }

    Optional<RosterImport> findImport(long id) {
        return jdbc.sql("select * from roster_import where id = ?").param(id).query(RosterRepository::rosterImport).optional();
    }

    /** The import, locked until the transaction ends: two applies of one preview wait for each other. */
    Optional<RosterImport> lockImport(long id) {
        return jdbc.sql("select * from roster_import where id = ? for update").param(id).query(RosterRepository::rosterImport).optional();
    }

    List<RosterImport> recentImports(long districtId, int limit) {
        return jdbc.sql("select * from roster_import where district_id = ? order by id desc limit ?").params(districtId, limit)
                .query(RosterRepository::rosterImport).list();
    }

    /** A page of a preview's rows of one action, in file order. */
    List<RosterImport.Row> rows(long importId, RosterImport.Action action, int limit) {
        return jdbc.sql("select * from roster_import_row where import_id = ? and action = ? order by position limit ?")
                .params(importId, action.name(), limit).query(RosterRepository::row).list();
    }

    /** Teachers the preview would update or mark as left whom someone has changed since: applying it would undo that. */
    long changedSince(long importId) {
        return jdbc.sql("""
                select count(*) from roster_import_row r join teacher t on t.id = r.teacher_id
                where r.import_id = ? and r.action in ('UPDATE', 'LEAVE') and t.version <> r.teacher_version""")
                .param(importId).query(Long.class).single();
    }

    /**
     * Writes a preview's changes and their audit rows in four statements; the caller's transaction holds them together.
     * Each added, updated or left teacher gets its audit row (the teacher before and after, with the masked identity
     * number, never its hash) from the audit module's database function {@code audit_append_all} (V61), inside the
     * statement that changes them: a city's 150,000 teachers would otherwise cost 150,000 round trips and, in one
     * transaction, 150,000 moves of the chain head that each step over the versions the earlier ones left.
     */
    void apply(long importId, long districtId, Instant at, AuditActor actor, AuditKey key) {
        var now = Timestamp.from(at);
        var audit = new Object[] { actor.accountId(), actor.username(), actor.unitId(), actor.unitName() };
        jdbc.sql("""
                with added as (
                    insert into teacher (teacher_number, name, school_id, district_id, stage, subject, post, id_hash, id_tail, import_id,
                        imported_at)
                    select teacher_number, name, school_id, ?, stage, subject, post, id_hash, id_tail, import_id, ?
                    from roster_import_row where import_id = ? and action = 'ADD' order by position
                    returning id, SNAPSHOT_T as after)
                select audit_append_all(?, ?, ?, ?, ?, 'roster.teacher-added', 'teacher', array_agg(id::text order by id),
                    array_agg(null::json order by id), array_agg(after order by id), ?, ?)
                from added""".replace("SNAPSHOT_T", snapshot("teacher")))
                .params(concat(new Object[] { districtId, now, importId, now }, audit, key)).query().listOfRows();
        jdbc.sql("""
                update roster_import_row r set teacher_id = t.id, teacher_version = t.version from teacher t
                where r.import_id = ? and r.action = 'ADD' and t.teacher_number = r.teacher_number""").param(importId).update();
        jdbc.sql("""
                with updated as (
                    update teacher t set name = r.name, school_id = r.school_id, district_id = ?, stage = r.stage, subject = r.subject,
                        post = r.post, id_hash = coalesce(r.id_hash, t.id_hash), id_tail = coalesce(r.id_tail, t.id_tail),
                        state = 'ACTIVE', import_id = r.import_id, imported_at = ?, version = t.version + 1
                    from roster_import_row r, teacher old
                    where r.import_id = ? and r.action = 'UPDATE' and t.id = r.teacher_id and old.id = t.id
                    returning t.id, SNAPSHOT_OLD as before, SNAPSHOT_T as after)
                select audit_append_all(?, ?, ?, ?, ?, 'roster.teacher-updated', 'teacher', array_agg(id::text order by id),
                    array_agg(before order by id), array_agg(after order by id), ?, ?)
                from updated""".replace("SNAPSHOT_OLD", snapshot("old")).replace("SNAPSHOT_T", snapshot("t")))
                .params(concat(new Object[] { districtId, now, importId, now }, audit, key)).query().listOfRows();
        jdbc.sql("""
                with left_ as (
                    update teacher t set state = 'LEFT', import_id = r.import_id, imported_at = ?, version = t.version + 1
                    from roster_import_row r, teacher old
                    where r.import_id = ? and r.action = 'LEAVE' and t.id = r.teacher_id and old.id = t.id
                    returning t.id, SNAPSHOT_OLD as before, SNAPSHOT_T as after)
                select audit_append_all(?, ?, ?, ?, ?, 'roster.teacher-left', 'teacher', array_agg(id::text order by id),
                    array_agg(before order by id), array_agg(after order by id), ?, ?)
                from left_""".replace("SNAPSHOT_OLD", snapshot("old")).replace("SNAPSHOT_T", snapshot("t")))
                .params(concat(new Object[] { now, importId, now }, audit, key)).query().listOfRows();
    }

    /** A teacher row of the alias as JSON for the audit trail: what {@link Teacher} shows, the identity number masked. */
    private static String snapshot(String alias) {
        return """
                json_build_object('id', A.id, 'teacherNumber', A.teacher_number, 'name', A.name, 'schoolId', A.school_id,
                    'stage', A.stage, 'subject', A.subject, 'post', A.post, 'state', A.state,
                    'identity', case when A.id_tail is null then '' else '**************' || A.id_tail end)""".replace("A.", alias + ".");
    }

    private static Object[] concat(Object[] head, Object[] actor, AuditKey key) {
        var all = java.util.Arrays.copyOf(head, head.length + actor.length + 2);
        System.arraycopy(actor, 0, all, head.length, actor.length);
        all[all.length - 2] = key.innerPad();
        all[all.length - 1] = key.outerPad();
        return all;
    }

    void markApplied(long importId, String by, Instant at) {
        jdbc.sql("update roster_import set state = 'APPLIED', applied_by = ?, applied_at = ? where id = ?")
                .params(by, Timestamp.from(at), importId).update();
    }

    void discard(long importId) {
        jdbc.sql("delete from roster_import_row where import_id = ?").param(importId).update();
        jdbc.sql("update roster_import set state = 'DISCARDED' where id = ?").param(importId).update();
    }

    /** What applied imports did to a teacher, newest first. */
    List<RosterImport.History> history(long teacherId, int limit) {
        return jdbc.sql("""
                select i.id, i.file_name, i.applied_at, i.applied_by, r.action, r.changes
                from roster_import_row r join roster_import i on i.id = r.import_id
                where r.teacher_id = ? and i.state = 'APPLIED' order by i.applied_at desc, i.id desc limit ?""")
                .params(teacherId, limit)
                .query((rs, n) -> new RosterImport.History(rs.getLong("id"), rs.getString("file_name"),
                        rs.getTimestamp("applied_at").toInstant(), rs.getString("applied_by"),
                        RosterImport.Action.valueOf(rs.getString("action")), rs.getString("changes")))
                .list();
    }

    // --- mapping

    private static Teacher teacher(ResultSet rs, int n) throws SQLException {
        return new Teacher(rs.getLong("id"), rs.getString("teacher_number"), rs.getString("name"), rs.getLong("school_id"),
                rs.getLong("district_id"), rs.getString("stage"), rs.getString("subject"), rs.getString("post"),
                Teacher.State.valueOf(rs.getString("state")), rs.getLong("import_id"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("version"), rs.getString("id_tail"));
    }

    private static RosterImport rosterImport(ResultSet rs, int n) throws SQLException {
        var appliedAt = rs.getTimestamp("applied_at");
        return new RosterImport(rs.getLong("id"), rs.getLong("district_id"), rs.getString("token"), rs.getString("file_name"),
                RosterImport.State.valueOf(rs.getString("state")), rs.getString("previewed_by"),
                rs.getTimestamp("previewed_at").toInstant(), rs.getString("applied_by"), appliedAt == null ? null : appliedAt.toInstant(),
                rs.getInt("rows_read"), rs.getInt("added"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("leaving"),
                rs.getInt("problems"));
    }

    private static RosterImport.Row row(ResultSet rs, int n) throws SQLException {
        return new RosterImport.Row(rs.getInt("position"), (Integer) rs.getObject("row_number"),
                RosterImport.Action.valueOf(rs.getString("action")), (Long) rs.getObject("teacher_id"),
                (Integer) rs.getObject("teacher_version"), rs.getString("teacher_number"), rs.getString("name"),
                rs.getString("school_name"), (Long) rs.getObject("school_id"), rs.getString("stage"), rs.getString("subject"),
                rs.getString("post"), rs.getString("id_hash"), rs.getString("id_tail"), rs.getString("changes"), rs.getString("problem"),
                rs.getString("problem_detail"));
    }
}
