package org.jianfu.collection;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for issued collections as the schools they reach see them, and the schools' answers (tables this module owns). */
@Repository
class IssuedRepository {

    private static final String OF_SCHOOL = """
            from unit s
            join collection c on c.arranging_unit_id = any(""" + Reach.COMMISSIONS_ABOVE + ") and " + Reach.REACHES + """

            left join collection_answer a on a.collection_id = c.id and a.school_id = s.id
            where s.id = :school and s.type = 'SCHOOL'""";

    private static final String COLUMNS = """
            select c.id, c.code, c.title, c.kind, c.requesting_unit_id, c.respondent, c.opens_on, c.due_on, c.minutes_per_school,
                c.minutes_per_teacher, c.compulsory, a.answered_on, coalesce(a.late, false) as late
            """;

    private final JdbcClient jdbc;

    IssuedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many collections opening in the year reach the school: answered, and not answered. */
    record Counts(long answered, long unanswered) {
        long total() {
            return answered + unanswered;
        }
    }

    Counts counts(long schoolId, int year) {
        return jdbc.sql("select count(a.collection_id) as answered, count(*) - count(a.collection_id) as unanswered " + OF_SCHOOL
                        + " and c.opens_on >= :from and c.opens_on < :to")
                .param("school", schoolId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Counts(rs.getLong("answered"), rs.getLong("unanswered"))).single();
    }

    /** A page of the collections opening in the year that reach the school: those not answered first, by deadline. */
    List<IssuedCollection> page(long schoolId, int year, int offset, int limit) {
        return jdbc.sql(COLUMNS + OF_SCHOOL + """

                  and c.opens_on >= :from and c.opens_on < :to
                order by a.collection_id is not null, c.due_on, c.id limit :limit offset :offset""")
                .param("school", schoolId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .param("limit", limit).param("offset", offset)
                .query(IssuedRepository::map)
                .list();
    }

    /** The collection, if it is issued and reaches the school. */
    Optional<IssuedCollection> reaching(long schoolId, long collectionId) {
        return jdbc.sql(COLUMNS + OF_SCHOOL + " and c.id = :collection")
                .param("school", schoolId).param("collection", collectionId)
                .query(IssuedRepository::map)
                .optional();
    }

    /** Records the school's answer; false when it had answered already. */
    boolean answer(IssuedCollection.Answer answer) {
        return jdbc.sql("""
                insert into collection_answer (collection_id, school_id, answered_on, late, answered_at, answered_by)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(answer.collectionId(), answer.schoolId(), answer.answeredOn(), answer.late(), utc(answer.answeredAt()),
                        answer.answeredBy())
                .update() == 1;
    }

    /** How many collections issued to the school that opened by today it has not answered: its to-do. */
    record Waiting(int count, Long first) {
    }

    Waiting waiting(long schoolId, LocalDate today) {
        return jdbc.sql("select count(*) as n, min(c.id) as first " + OF_SCHOOL
                        + " and a.collection_id is null and c.opens_on <= :today and c.opens_on >= :from")
                .param("school", schoolId).param("today", today).param("from", today.minusYears(1))
                .query((rs, n) -> new Waiting(rs.getInt("n"), rs.getObject("first", Long.class))).single();
    }

    private static IssuedCollection map(ResultSet rs, int n) throws SQLException {
        return new IssuedCollection(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                CollectionKind.valueOf(rs.getString("kind")), rs.getLong("requesting_unit_id"), Respondent.valueOf(rs.getString("respondent")),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class), rs.getInt("minutes_per_school"),
                rs.getInt("minutes_per_teacher"), rs.getBoolean("compulsory"), rs.getObject("answered_on", LocalDate.class),
                rs.getBoolean("late"));
    }
}
