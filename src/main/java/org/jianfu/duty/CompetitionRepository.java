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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the teaching competitions, each with the earliest one of its school and content earlier in its year. */
@Repository
class CompetitionRepository {

    /** Each competition and the first one of the same school and content earlier in the same calendar year, if any. */
    private static final String WITH_EARLIER = """
            select c.*, e.id as earlier_id, e.name as earlier_name, e.held_on as earlier_held_on
            from duty_competition c
            left join lateral (select e.id, e.name, e.held_on from duty_competition e
                where e.school_id = c.school_id and e.content_key = c.content_key
                  and e.held_on >= date_trunc('year', c.held_on)::date and (e.held_on, e.id) < (c.held_on, c.id)
                order by e.held_on, e.id limit 1) e on true
            """;
    private static final String IN_YEAR = " and c.held_on between :first and :last";

    private final JdbcClient jdbc;

    CompetitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, long schoolId, String name, String organiser, String content, LocalDate heldOn, Instant now, String by) {
        return jdbc.sql("""
                insert into duty_competition (district_id, school_id, name, organiser, content, held_on, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, schoolId, name, organiser, content, heldOn, utc(now), by).query(Long.class).single();
    }

    Optional<Competition> find(long id) {
        return jdbc.sql(WITH_EARLIER + " where c.id = :id").param("id", id).query(CompetitionRepository::map).optional();
    }

    /** How many competitions the scope recorded in the year, and how many of them repeat an earlier one's content. */
    long[] counts(DutyAccess.Scope scope, int year) {
        var sql = "select count(*) as recorded, count(*) filter (where w.earlier_id is not null) as repeated from (" + WITH_EARLIER
                + " where " + scope.where("c.") + IN_YEAR + ") w";
        return bind(jdbc.sql(sql), scope, year).query((rs, n) -> new long[] { rs.getLong("recorded"), rs.getLong("repeated") }).single();
    }

    /** One page of the scope's competitions in the year (only repeats, if asked), latest first. */
    List<Competition> page(DutyAccess.Scope scope, int year, boolean repeatedOnly, int offset) {
        var sql = "select * from (" + WITH_EARLIER + " where " + scope.where("c.") + IN_YEAR + ") w"
                + (repeatedOnly ? " where earlier_id is not null" : "") + " order by held_on desc, id desc limit :size offset :offset";
        return bind(jdbc.sql(sql), scope, year).param("size", ListPage.SIZE).param("offset", offset).query(CompetitionRepository::map).list();
    }

    List<Competition> all(DutyAccess.Scope scope, int year) {
        var sql = WITH_EARLIER + " where " + scope.where("c.") + IN_YEAR + " order by c.school_id, c.held_on, c.id";
        return bind(jdbc.sql(sql), scope, year).query(CompetitionRepository::map).list();
    }

    /** Per district of these, the competitions of the year and the repeats among them: one query. */
    Map<Long, long[]> tally(Collection<Long> districtIds, int year) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("select district_id, count(*) as recorded, count(*) filter (where earlier_id is not null) as repeated from ("
                + WITH_EARLIER + " where c.district_id = any(:ids)" + IN_YEAR + ") w group by district_id")
                .param("ids", districtIds.toArray(Long[]::new)).param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31))
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("recorded"), rs.getLong("repeated") });
                });
        return tally;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DutyAccess.Scope scope, int year) {
        statement = statement.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31));
        return scope.unit() == null ? statement : statement.param("unit", scope.unit());
    }

    private static Competition map(ResultSet rs, int n) throws SQLException {
        var earlier = rs.getObject("earlier_id", Long.class);
        return new Competition(rs.getLong("id"), rs.getLong("district_id"), rs.getLong("school_id"), rs.getString("name"),
                rs.getString("organiser"), rs.getString("content"), rs.getObject("held_on", LocalDate.class), instant(rs, "created_at"),
                rs.getString("created_by"), earlier == null ? null
                        : new Competition.Earlier(earlier, rs.getString("earlier_name"), rs.getObject("earlier_held_on", LocalDate.class)));
    }
}
