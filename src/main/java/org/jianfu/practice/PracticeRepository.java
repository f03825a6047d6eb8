package org.jianfu.practice;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the good-practice cases. */
@Repository
class PracticeRepository {

    private final JdbcClient jdbc;

    PracticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, int year, String title, String summary, String body, List<String> codes, Instant now, String by) {
        return jdbc.sql("""
                insert into practice_case (district_id, year, title, summary, body, requirement_codes, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, year, title, summary, body, codes.toArray(String[]::new), utc(now), by).query(Long.class).single();
    }

    boolean update(long id, int version, int year, String title, String summary, String body, List<String> codes) {
        return jdbc.sql("""
                update practice_case set year = ?, title = ?, summary = ?, body = ?, requirement_codes = ?, version = version + 1
                where id = ? and version = ? and state in ('DRAFT', 'RETURNED')""")
                .params(year, title, summary, body, codes.toArray(String[]::new), id, version).update() == 1;
    }

    boolean move(long id, int version, PracticeCase.State from, PracticeCase.State to, String note, LocalDate publishedOn) {
        return jdbc.sql("""
                update practice_case set state = ?, review_note = coalesce(?, review_note), published_on = ?, version = version + 1
                where id = ? and version = ? and state = ?""")
                .params(to.name(), note, publishedOn, id, version, from.name()).update() == 1;
    }

    Optional<PracticeCase> find(long id) {
        return jdbc.sql("select * from practice_case where id = ?").param(id).query(PracticeRepository::map).optional();
    }

    /** A page of the cases of a district (every district: null) in a year, in a state (any: null), newest first. */
    ListPage<PracticeCase> page(Long districtId, int year, PracticeCase.State state, Integer page) {
        var where = " where year = :year" + (districtId == null ? "" : " and district_id = :district") + (state == null ? "" : " and state = :state");
        var params = new HashMap<String, Object>();
        params.put("year", year);
        if (districtId != null) {
            params.put("district", districtId);
        }
        if (state != null) {
            params.put("state", state.name());
        }
        var total = jdbc.sql("select count(*) from practice_case" + where).params(params).query(Long.class).single();
        return ListPage.of(page, total, offset -> jdbc.sql("select * from practice_case" + where
                + " order by created_at desc, id desc limit :size offset :offset").params(params).param("size", ListPage.SIZE)
                .param("offset", offset).query(PracticeRepository::map).list());
    }

    /** A page of the published cases, newest first, optionally of one requirement. */
    ListPage<PracticeCase> published(String requirementCode, Integer page) {
        var where = " where state = 'PUBLISHED'" + (requirementCode == null ? "" : " and :code = any(requirement_codes)");
        var params = requirementCode == null ? Map.<String, Object>of() : Map.<String, Object>of("code", requirementCode);
        var total = jdbc.sql("select count(*) from practice_case" + where).params(params).query(Long.class).single();
        return ListPage.of(page, total, offset -> jdbc.sql("select * from practice_case" + where
                + " order by published_on desc, id desc limit :size offset :offset").params(params).param("size", ListPage.SIZE)
                .param("offset", offset).query(PracticeRepository::map).list());
    }

    /** Per district of these, the cases submitted for review or beyond in the year, and those published. */
    Map<Long, long[]> tally(Collection<Long> districtIds, int year) {
        var tally = new HashMap<Long, long[]>();
        jdbc.sql("""
                select district_id, count(*) filter (where state <> 'DRAFT') as submitted, count(*) filter (where state = 'PUBLISHED') as published
                from practice_case where year = ? and district_id = any(?) group by district_id""")
                .params(year, districtIds.toArray(Long[]::new))
                .query(rs -> {
                    tally.put(rs.getLong("district_id"), new long[] { rs.getLong("submitted"), rs.getLong("published") });
                });
        return tally;
    }

    private static PracticeCase map(ResultSet rs, int n) throws SQLException {
        return new PracticeCase(rs.getLong("id"), rs.getLong("district_id"), rs.getInt("year"), rs.getString("title"), rs.getString("summary"),
                rs.getString("body"), Arrays.asList((String[]) rs.getArray("requirement_codes").getArray()),
                PracticeCase.State.valueOf(rs.getString("state")), rs.getString("review_note"), rs.getObject("published_on", LocalDate.class),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
