package org.jianfu.duty;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.jianfu.teacher.Teacher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the duty types and the duties assigned: tables this module owns. */
@Repository
class DutyRepository {

    /** A duty lies in a year when it started by its end and had not ended before its start. */
    private static final String IN_YEAR = "starts_on <= :last and (ends_on is null or ends_on >= :first)";

    private final JdbcClient jdbc;

    DutyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- duty types

    List<DutyType> types() {
        return jdbc.sql("select * from duty_type order by banned desc, id").query(DutyRepository::type).list();
    }

    Optional<DutyType> type(long id) {
        return jdbc.sql("select * from duty_type where id = ?").param(id).query(DutyRepository::type).optional();
    }

    boolean typeNamed(String name) {
        return jdbc.sql("select count(*) from duty_type where name = ?").param(name).query(Long.class).single() > 0;
    }

    long insertType(String name, boolean banned, String by, Instant now) {
        return jdbc.sql("insert into duty_type (name, banned, updated_by, updated_at) values (?, ?, ?, ?) returning id")
                .params(name, banned, by, utc(now)).query(Long.class).single();
    }

    boolean updateType(long id, int version, boolean banned, String by, Instant now) {
        return jdbc.sql("update duty_type set banned = ?, updated_by = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(banned, by, utc(now), id, version).update() == 1;
    }

    private static DutyType type(ResultSet rs, int n) throws SQLException {
        return new DutyType(rs.getLong("id"), rs.getString("name"), rs.getBoolean("banned"), instant(rs, "updated_at"),
                rs.getString("updated_by"), rs.getInt("version"));
    }

    // --- duties

    long insert(Teacher teacher, DutyType type, BigDecimal hours, LocalDate startsOn, LocalDate endsOn, Instant now, String by) {
        return jdbc.sql("""
                insert into duty_assignment (district_id, school_id, teacher_id, teacher_number, teacher_name, duty_type_id, duty_name,
                    hours_per_week, starts_on, ends_on, refused, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(teacher.districtId(), teacher.schoolId(), teacher.id(), teacher.teacherNumber(), teacher.name(), type.id(),
                        type.name(), hours, startsOn, endsOn, type.banned(), utc(now), by)
                .query(Long.class).single();
    }

    Optional<Duty> find(long id) {
        return jdbc.sql("select * from duty_assignment where id = ?").param(id).query(DutyRepository::map).optional();
    }

    boolean end(long id, int version, LocalDate endsOn) {
        return jdbc.sql("update duty_assignment set ends_on = ?, version = version + 1 where id = ? and version = ? and not refused")
                .params(endsOn, id, version).update() == 1;
    }

    /** How many duties of the scope lie in the year (all years when null), in each state on the day. */
    Map<Duty.State, Long> counts(DutyAccess.Scope scope, Integer year, LocalDate today) {
        var sql = new StringBuilder("select");
        for (var state : Duty.State.values()) {
            sql.append(state.ordinal() == 0 ? " " : ", ").append("count(*) filter (where ").append(state.sql).append(") as ").append(state.name());
        }
        sql.append(" from duty_assignment where ").append(where(scope, year));
        var counts = new EnumMap<Duty.State, Long>(Duty.State.class);
        bind(jdbc.sql(sql.toString()), scope, year).param("today", today).query(rs -> {
            for (var state : Duty.State.values()) {
                counts.put(state, rs.getLong(state.name()));
            }
        });
        return counts;
    }

    /** One page of the scope's duties in a state (all when null), newest first. */
    List<Duty> page(DutyAccess.Scope scope, Duty.State state, Integer year, LocalDate today, int offset) {
        var sql = "select * from duty_assignment where " + where(scope, year) + " and " + (state == null ? "true" : state.sql)
                + " order by id desc limit :size offset :offset";
        return bind(jdbc.sql(sql), scope, year).param("today", today).param("size", ListPage.SIZE).param("offset", offset)
                .query(DutyRepository::map).list();
    }

    /** Every duty of the scope in the year, for the export (a district has a few thousand), by school and teacher. */
    List<Duty> all(DutyAccess.Scope scope, Integer year) {
        var sql = "select * from duty_assignment where " + where(scope, year) + " order by school_id, teacher_number, id";
        return bind(jdbc.sql(sql), scope, year).query(DutyRepository::map).list();
    }

    /** Per district of these, the duties recorded in the year and those refused at the door: one query. */
    Map<Long, long[]> tally(Collection<Long> districtIds, int year) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("select district_id, count(*) filter (where not refused) as recorded, count(*) filter (where refused) as refused "
                + "from duty_assignment where district_id = any(:ids) and " + IN_YEAR + " group by district_id")
                .param("ids", districtIds.toArray(Long[]::new)).param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("recorded"), rs.getLong("refused") });
                });
        return tally;
    }

    private static String where(DutyAccess.Scope scope, Integer year) {
        return scope.where("") + (year == null ? "" : " and " + IN_YEAR);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DutyAccess.Scope scope, Integer year) {
        if (scope.unit() != null) {
            statement = statement.param("unit", scope.unit());
        }
        if (year != null) {
            statement = statement.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31));
        }
        return statement;
    }

    private static Duty map(ResultSet rs, int n) throws SQLException {
        return new Duty(rs.getLong("id"), rs.getLong("district_id"), rs.getLong("school_id"), rs.getLong("teacher_id"),
                rs.getString("teacher_number"), rs.getString("teacher_name"), rs.getLong("duty_type_id"), rs.getString("duty_name"),
                rs.getBigDecimal("hours_per_week"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBoolean("refused"), instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
