package org.jianfu.supervision;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.platform.ListPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the supervision visits and the districts they cover: tables this module owns. */
@Repository
class SupervisionVisitRepository {

    private final JdbcClient jdbc;

    SupervisionVisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SupervisionVisit.Kind kind, String title, String scope, LocalDate startsOn, LocalDate endsOn, String team, Collection<Long> districtIds,
            Instant now, String by) {
        var id = jdbc.sql("""
                insert into supervision_visit (kind, title, scope, starts_on, ends_on, team, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(kind.name(), title, scope, startsOn, endsOn, team, utc(now), by).query(Long.class).single();
        jdbc.sql("insert into supervision_visit_district (visit_id, district_id) select ?, unnest(?::bigint[])")
                .params(id, districtIds.toArray(Long[]::new)).update();
        return id;
    }

    Optional<SupervisionVisit> find(long id) {
        return jdbc.sql("select * from supervision_visit where id = ?").param(id).query(SupervisionVisitRepository::map).optional()
                .map(v -> v.withDistricts(districts(id)));
    }

    List<Long> districts(long visitId) {
        return jdbc.sql("select district_id from supervision_visit_district where visit_id = ? order by district_id").param(visitId)
                .query(Long.class).list();
    }

    /** Whether the visit covers the district. */
    boolean covers(long visitId, long districtId) {
        return jdbc.sql("select exists (select 1 from supervision_visit_district where visit_id = ? and district_id = ?)")
                .params(visitId, districtId).query(Boolean.class).single();
    }

    private static final String FILTER = """
            (cast(:district as bigint) is null or exists (select 1 from supervision_visit_district d
                where d.visit_id = v.id and d.district_id = :district))
            and (cast(:year as int) is null or extract(year from v.starts_on) = :year)""";

    long count(Long districtId, Integer year) {
        return jdbc.sql("select count(*) from supervision_visit v where " + FILTER).param("district", districtId).param("year", year)
                .query(Long.class).single();
    }

    /** A page of visits, latest first, each with the districts it covers (all of them: the caller hides what it must). */
    List<SupervisionVisit> page(Long districtId, Integer year, int offset) {
        var visits = jdbc.sql("select * from supervision_visit v where " + FILTER + " order by starts_on desc, id desc limit :size offset :offset")
                .param("district", districtId).param("year", year).param("size", ListPage.SIZE).param("offset", offset)
                .query(SupervisionVisitRepository::map).list();
        return withDistricts(visits);
    }

    /** Every visit covering the district in the year, oldest first, for its report. */
    List<SupervisionVisit> ofDistrict(long districtId, int year) {
        return withDistricts(jdbc.sql("select * from supervision_visit v where " + FILTER + " order by starts_on, id")
                .param("district", districtId).param("year", year).query(SupervisionVisitRepository::map).list());
    }

    private List<SupervisionVisit> withDistricts(List<SupervisionVisit> visits) {
        if (visits.isEmpty()) {
            return visits;
        }
        var covered = new HashMap<Long, List<Long>>();
        jdbc.sql("select visit_id, district_id from supervision_visit_district where visit_id = any(?) order by district_id")
                .param(visits.stream().map(SupervisionVisit::id).toArray(Long[]::new))
                .query(rs -> {
                    covered.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return visits.stream().map(v -> v.withDistricts(covered.getOrDefault(v.id(), List.of()))).toList();
    }

    /** Per district of these, the visits covering it that started in the year: one query. */
    Map<Long, Long> visitCounts(Collection<Long> districtIds, int year) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("""
                select d.district_id, count(*) from supervision_visit_district d join supervision_visit v on v.id = d.visit_id
                where d.district_id = any(?) and extract(year from v.starts_on) = ? group by d.district_id""")
                .params(districtIds.toArray(Long[]::new), year).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    private static SupervisionVisit map(ResultSet rs, int n) throws SQLException {
        return new SupervisionVisit(rs.getLong("id"), SupervisionVisit.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("scope"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("team"), List.of(),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
