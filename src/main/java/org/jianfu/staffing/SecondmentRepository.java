package org.jianfu.staffing;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.teacher.Teacher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the secondments, their extensions, the settings and the cleanups: the tables this module owns. */
@Repository
class SecondmentRepository {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    SecondmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Teacher teacher, SecondmentDraft d, boolean existing, boolean inCleanup, Instant now, String by) {
        return jdbc.sql("""
                insert into staffing_secondment (district_id, school_id, teacher_id, teacher_number, teacher_name, borrower_name,
                    borrower_unit_id, purpose, reason, starts_on, ends_on, consent_document, consent_on, approval_document,
                    approval_on, existing, in_cleanup, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(teacher.districtId(), teacher.schoolId(), teacher.id(), teacher.teacherNumber(), teacher.name(),
                        d.borrowerName(), d.borrowerUnitId(), d.purpose().name(), d.reason(), d.startsOn(), d.endsOn(),
                        d.consentDocument(), d.consentOn(), d.approvalDocument(), d.approvalOn(), existing, inCleanup, utc(now), by)
                .query(Long.class).single();
    }

    Optional<Secondment> find(long id) {
        return jdbc.sql("select * from staffing_secondment where id = ?").param(id).query(SecondmentRepository::map).optional();
    }

    boolean update(long id, int version, SecondmentDraft d) {
        return jdbc.sql("""
                update staffing_secondment set borrower_name = ?, borrower_unit_id = ?, purpose = ?, reason = ?, starts_on = ?,
                    ends_on = ?, consent_document = ?, consent_on = ?, approval_document = ?, approval_on = ?,
                    overdue_alerted_at = case when ends_on is distinct from ? then null else overdue_alerted_at end,
                    version = version + 1
                where id = ? and version = ?""")
                .params(d.borrowerName(), d.borrowerUnitId(), d.purpose().name(), d.reason(), d.startsOn(), d.endsOn(),
                        d.consentDocument(), d.consentOn(), d.approvalDocument(), d.approvalOn(), d.endsOn(), id, version)
                .update() == 1;
    }

    /** Moves the planned end; an overdue alert already sent is forgotten, so the new end is watched again. */
    boolean extend(Secondment s, LocalDate newEnd, String document, LocalDate approvedOn, Instant now, String by) {
        if (jdbc.sql("""
                update staffing_secondment set ends_on = ?, overdue_alerted_at = null, version = version + 1
                where id = ? and version = ?""").params(newEnd, s.id(), s.version()).update() != 1) {
            return false;
        }
        jdbc.sql("""
                insert into staffing_extension (secondment_id, previous_end, new_end, approval_document, approval_on, recorded_at,
                    recorded_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.endsOn(), newEnd, document, approvedOn, utc(now), by).update();
        return true;
    }

    List<Extension> extensions(long secondmentId) {
        return jdbc.sql("select * from staffing_extension where secondment_id = ? order by id").param(secondmentId)
                .query((rs, n) -> new Extension(rs.getLong("id"), rs.getLong("secondment_id"),
                        rs.getObject("previous_end", LocalDate.class), rs.getObject("new_end", LocalDate.class),
                        rs.getString("approval_document"), rs.getObject("approval_on", LocalDate.class), instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    boolean end(long id, int version, LocalDate returnedOn) {
        return jdbc.sql("update staffing_secondment set returned_on = ?, version = version + 1 where id = ? and version = ?")
                .params(returnedOn, id, version).update() == 1;
    }

    // --- lists

    /**
     * Which secondments a list shows: one school's, one district's, or all (the unit ids null); those under way some day of
     * a year, or of any year (null).
     */
    record Scope(Long schoolId, Long districtId, Integer year) {

        Scope(Long schoolId, Long districtId) {
            this(schoolId, districtId, null);
        }

        Scope inYear(Integer year) {
            return new Scope(schoolId, districtId, year);
        }

        String where() {
            return (schoolId != null ? "school_id = :unit" : districtId != null ? "district_id = :unit" : "true")
                    + (year == null ? "" : " and starts_on <= :last and coalesce(returned_on, ends_on, :last) >= :first");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            var spec = unit() == null ? statement : statement.param("unit", unit());
            return year == null ? spec : spec.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31));
        }

        Long unit() {
            return schoolId != null ? schoolId : districtId;
        }
    }

    /**
     * A list's filter by state on a day; and the rows the ledger's figures count: planned past the limit of months (an
     * extension), not returned without the approval, drafted into inspections.
     */
    enum Filter {
        ALL("true"), ACTIVE("returned_on is null and ends_on >= :today"), OVERDUE("returned_on is null and ends_on < :today"),
        RETURNED("returned_on is not null"), LONG("ends_on > starts_on + make_interval(months => :months)"),
        UNAPPROVED("returned_on is null and approval_document is null"), INSPECTION("purpose = 'INSPECTION'");

        final String sql;

        Filter(String sql) {
            this.sql = sql;
        }
    }

    long count(Scope scope, Filter filter, LocalDate today, int months) {
        var sql = "select count(*) from staffing_secondment where " + scope.where() + " and " + filter.sql;
        return bind(jdbc.sql(sql), sql, scope, today, months).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String sql, Scope scope, LocalDate today, int months) {
        var spec = scope.bind(statement);
        if (sql.contains(":today")) {
            spec = spec.param("today", today);
        }
        return sql.contains(":months") ? spec.param("months", months) : spec;
    }

    /** One page, newest first: the index on the unit and id serves it without reading the unit's other rows. */
    List<Secondment> page(Scope scope, Filter filter, LocalDate today, int months, int offset) {
        return rows(scope, filter, today, months, offset, PAGE_SIZE);
    }

    /** The filtered rows, newest first, from an offset: a page of the list, or the rows of its file. */
    List<Secondment> rows(Scope scope, Filter filter, LocalDate today, int months, int offset, int limit) {
        var sql = "select * from staffing_secondment where " + scope.where() + " and " + filter.sql
                + " order by id desc limit :size offset :offset";
        return bind(jdbc.sql(sql).param("size", limit).param("offset", offset), sql, scope, today, months)
                .query(SecondmentRepository::map).list();
    }

    /** How many secondments are overdue in each district that has any. */
    Map<Long, Long> overdueByDistrict(LocalDate today) {
        var counts = new LinkedHashMap<Long, Long>();
        jdbc.sql("select district_id, count(*) as n from staffing_secondment where returned_on is null and ends_on < ? group by district_id")
                .param(today).query(rs -> {
                    counts.put(rs.getLong("district_id"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Marks the overdue secondments not yet alerted as alerted, and returns them: the update decides, so two instances
     * running the watch at once alert each secondment once.
     */
    List<Secondment> claimOverdue(LocalDate today, Instant now) {
        return jdbc.sql("""
                update staffing_secondment set overdue_alerted_at = ?
                where returned_on is null and ends_on < ? and overdue_alerted_at is null returning *""")
                .params(utc(now), today).query(SecondmentRepository::map).list();
    }

    /** Per school of a district, the teachers and days drafted into inspections and evaluations within the year. */
    List<Drafting> drafting(long districtId, int year) {
        var first = LocalDate.of(year, 1, 1);
        var last = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                select school_id, count(distinct teacher_id) as teachers,
                       sum(least(coalesce(returned_on, ends_on, :last), :last) - greatest(starts_on, :first) + 1) as days
                from staffing_secondment
                where district_id = :district and purpose = 'INSPECTION' and starts_on <= :last
                  and coalesce(returned_on, ends_on, :last) >= :first
                group by school_id order by school_id""")
                .param("district", districtId).param("first", first).param("last", last)
                .query((rs, n) -> new Drafting(rs.getLong("school_id"), rs.getInt("teachers"), rs.getInt("days"))).list();
    }

    record Drafting(long schoolId, int teachers, int days) {
    }

    /**
     * Per district, its secondments under way some day of the year: all, active on {@code today}, planned past the limit of
     * months after their start (extended), not returned and without the Party committee's approval, and the teachers and
     * days drafted into inspections within the year. One query for any number of districts.
     */
    Map<Long, YearCount> yearCounts(java.util.Collection<Long> districtIds, int year, LocalDate today, int maxMonths) {
        var counts = new java.util.HashMap<Long, YearCount>();
        jdbc.sql("""
                select district_id, count(*) as secondments,
                       count(*) filter (where returned_on is null and starts_on <= :today and ends_on >= :today) as active,
                       count(*) filter (where ends_on > starts_on + make_interval(months => :months)) as long,
                       count(*) filter (where returned_on is null and approval_document is null) as unapproved,
                       count(distinct teacher_id) filter (where purpose = 'INSPECTION') as drafted,
                       coalesce(sum(least(coalesce(returned_on, ends_on, :last), :last) - greatest(starts_on, :first) + 1)
                           filter (where purpose = 'INSPECTION'), 0) as drafted_days
                from staffing_secondment
                where district_id = any(:districts) and starts_on <= :last and coalesce(returned_on, ends_on, :last) >= :first
                group by district_id""")
                .param("districts", districtIds.toArray(Long[]::new)).param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31)).param("today", today).param("months", maxMonths)
                .query(rs -> {
                    counts.put(rs.getLong("district_id"), new YearCount(rs.getInt("secondments"), rs.getInt("active"), rs.getInt("long"),
                            rs.getInt("unapproved"), rs.getInt("drafted"), rs.getLong("drafted_days")));
                });
        return counts;
    }

    record YearCount(int secondments, int active, int overLimit, int unapproved, int drafted, long draftedDays) {
    }

    /** The districts' cleanups, by district. */
    Map<Long, SecondmentCleanup.Record> cleanups(java.util.Collection<Long> districtIds) {
        var cleanups = new java.util.HashMap<Long, SecondmentCleanup.Record>();
        jdbc.sql("select * from staffing_cleanup where district_id = any(?)").param(districtIds.toArray(Long[]::new))
                .query(rs -> {
                    cleanups.put(rs.getLong("district_id"), new SecondmentCleanup.Record(instant(rs, "started_at"), rs.getString("started_by"),
                            rs.getString("filing_document"), rs.getObject("filed_on", LocalDate.class), instant(rs, "filed_at"),
                            rs.getString("filed_by"), rs.getObject("before_count", Integer.class), rs.getObject("ended_count", Integer.class),
                            rs.getObject("continued_count", Integer.class)));
                });
        return cleanups;
    }

    // --- settings

    StaffingSettings settings() {
        return jdbc.sql("select * from staffing_settings where id = 1")
                .query((rs, n) -> new StaffingSettings(rs.getInt("max_months"), rs.getInt("inspection_teachers_limit"),
                        rs.getInt("inspection_days_limit"), rs.getInt("training_hours_limit"), instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version")))
                .single();
    }

    boolean updateSettings(int version, int maxMonths, int teachers, int days, int trainingHours, String by, Instant now) {
        return jdbc.sql("""
                update staffing_settings set max_months = ?, inspection_teachers_limit = ?, inspection_days_limit = ?, training_hours_limit = ?, updated_by = ?,
                    updated_at = ?, version = version + 1 where id = 1 and version = ?""")
                .params(maxMonths, teachers, days, trainingHours, by, utc(now), version).update() == 1;
    }

    // --- the cleanup

    Optional<SecondmentCleanup.Record> cleanup(long districtId) {
        return Optional.ofNullable(cleanups(List.of(districtId)).get(districtId));
    }

    /** Opens the cleanup and lists the district's secondments not returned: false when it was open already. */
    boolean startCleanup(long districtId, String by, Instant now) {
        if (jdbc.sql("insert into staffing_cleanup (district_id, started_at, started_by) values (?, ?, ?) on conflict do nothing")
                .params(districtId, utc(now), by).update() != 1) {
            return false;
        }
        jdbc.sql("update staffing_secondment set in_cleanup = true, version = version + 1 where district_id = ? and returned_on is null")
                .param(districtId).update();
        return true;
    }

    List<Secondment> cleanupItems(long districtId) {
        return jdbc.sql("select * from staffing_secondment where district_id = ? and in_cleanup order by id").param(districtId)
                .query(SecondmentRepository::map).list();
    }

    boolean markEnded(long id, int version, LocalDate returnedOn) {
        return jdbc.sql("""
                update staffing_secondment set cleanup_outcome = 'ENDED', returned_on = ?, version = version + 1
                where id = ? and version = ? and in_cleanup""").params(returnedOn, id, version).update() == 1;
    }

    boolean markContinued(long id, int version, String reason, LocalDate endsOn, String consent, LocalDate consentOn, String approval,
            LocalDate approvalOn) {
        return jdbc.sql("""
                update staffing_secondment set cleanup_outcome = 'CONTINUED', returned_on = null, reason = ?, ends_on = ?,
                    consent_document = ?, consent_on = ?, approval_document = ?, approval_on = ?, overdue_alerted_at = null,
                    version = version + 1
                where id = ? and version = ? and in_cleanup""")
                .params(reason, endsOn, consent, consentOn, approval, approvalOn, id, version).update() == 1;
    }

    void fileCleanup(long districtId, String document, LocalDate filedOn, int before, int ended, int continued, String by, Instant now) {
        jdbc.sql("""
                update staffing_cleanup set filing_document = ?, filed_on = ?, before_count = ?, ended_count = ?, continued_count = ?,
                    filed_by = ?, filed_at = ?, version = version + 1 where district_id = ? and filed_at is null""")
                .params(document, filedOn, before, ended, continued, by, utc(now), districtId).update();
    }

    private static Secondment map(ResultSet rs, int n) throws SQLException {
        var outcome = rs.getString("cleanup_outcome");
        return new Secondment(rs.getLong("id"), rs.getLong("district_id"), rs.getLong("school_id"), rs.getLong("teacher_id"),
                rs.getString("teacher_number"), rs.getString("teacher_name"), rs.getString("borrower_name"),
                rs.getObject("borrower_unit_id", Long.class), Purpose.valueOf(rs.getString("purpose")), rs.getString("reason"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("consent_document"),
                rs.getObject("consent_on", LocalDate.class), rs.getString("approval_document"), rs.getObject("approval_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class), rs.getBoolean("existing"), rs.getBoolean("in_cleanup"),
                outcome == null ? null : Secondment.CleanupOutcome.valueOf(outcome), instant(rs, "overdue_alerted_at"),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
