package org.jianfu.supervision;

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

import org.jianfu.platform.ListPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the accountability records: a table this module owns, read only for the city's supervision office. */
@Repository
class AccountabilityRepository {

    private final JdbcClient jdbc;

    AccountabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long findingId, long districtId, String whom, String basis, String decision, LocalDate decidedOn, Instant now, String by) {
        return jdbc.sql("""
                insert into supervision_accountability (finding_id, district_id, whom, basis, decision, decided_on, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(findingId, districtId, whom, basis, decision, decidedOn, utc(now), by).query(Long.class).single();
    }

    List<Accountability> ofFinding(long findingId) {
        return jdbc.sql("select * from supervision_accountability where finding_id = ? order by id").param(findingId)
                .query(AccountabilityRepository::map).list();
    }

    private static final String WHERE = "(cast(:district as bigint) is null or district_id = :district)"
            + " and (cast(:year as int) is null or extract(year from decided_on) = :year)";

    long count(Long districtId, Integer year) {
        return jdbc.sql("select count(*) from supervision_accountability where " + WHERE).param("district", districtId).param("year", year)
                .query(Long.class).single();
    }

    List<Accountability> page(Long districtId, Integer year, int offset) {
        return jdbc.sql("select * from supervision_accountability where " + WHERE + " order by decided_on desc, id desc limit :size offset :offset")
                .param("district", districtId).param("year", year).param("size", ListPage.SIZE).param("offset", offset)
                .query(AccountabilityRepository::map).list();
    }

    /** Per district of these, the accountability decided in the year: one query. */
    Map<Long, Long> counts(Collection<Long> districtIds, int year) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("""
                select district_id, count(*) from supervision_accountability
                where district_id = any(?) and decided_on between ? and ? group by district_id""")
                .params(districtIds.toArray(Long[]::new), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    private static Accountability map(ResultSet rs, int n) throws SQLException {
        return new Accountability(rs.getLong("id"), rs.getLong("finding_id"), rs.getLong("district_id"), rs.getString("whom"),
                rs.getString("basis"), rs.getString("decision"), rs.getObject("decided_on", LocalDate.class), instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
