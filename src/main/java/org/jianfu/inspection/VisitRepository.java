package org.jianfu.inspection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for recorded visits. */
@Repository
class VisitRepository {

    private final JdbcClient jdbc;
    /** Reads millions of visits through a cursor, a batch at a time, instead of all at once. */
    private final JdbcTemplate streaming;

    VisitRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(20_000);
    }

    long insert(Visit v, Instant now) {
        return jdbc.sql("""
                insert into inspection_visit (school_id, district_id, item_id, category, visit_date, notified_on, inspectors,
                    teacher_hours, proof_demanded, note, recorded_by_name, recorded_unit_id, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(v.schoolId(), v.districtId(), v.itemId(), v.category().name(), v.visitDate(), v.notifiedOn(), v.inspectors(),
                        v.teacherHours(), v.proofDemanded(), v.note(), v.recordedBy(), v.recordedUnitId(), utc(now))
                .query(Long.class).single();
    }

    Optional<Visit> find(long id) {
        return jdbc.sql("select * from inspection_visit where id = ?").param(id).query(VisitRepository::map).optional();
    }

    List<Visit> ofDistricts(Collection<Long> districtIds, int year) {
        return jdbc.sql("""
                select * from inspection_visit where district_id = any(?) and visit_date between ? and ?
                order by visit_date desc, id desc""")
                .params(districtIds.toArray(Long[]::new), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(VisitRepository::map).list();
    }

    List<Visit> ofSchool(long schoolId, int year) {
        return jdbc.sql("select * from inspection_visit where school_id = ? and visit_date between ? and ? order by visit_date, id")
                .params(schoolId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(VisitRepository::map).list();
    }

    /** Streams the visits of the districts between two days into the check's columns. */
    void loadForCheck(Collection<Long> districtIds, LocalDate from, LocalDate to, RuleCheck.VisitTable into) {
        var categories = java.util.Arrays.stream(InspectionCategory.values()).map(Enum::name).toArray(String[]::new);
        // For a whole country the check drops visits of schools outside the area itself; a huge SQL array would cost more.
        boolean few = districtIds.size() <= 500;
        var sql = """
                select id, school_id, coalesce(item_id, 0), array_position(?::text[], category) - 1,
                       visit_date - date '1970-01-01', notified_on - date '1970-01-01', proof_demanded
                from inspection_visit where visit_date between ? and ?""" + (few ? " and district_id = any(?)" : "");
        var params = few ? new Object[] { categories, from, to, districtIds.toArray(Long[]::new) } : new Object[] { categories, from, to };
        streaming.query(sql, rs -> {
            int notified = rs.getInt(6);
            into.addRaw(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                    rs.wasNull() ? RuleCheck.VisitTable.NONE : notified, rs.getBoolean(7));
        }, params);
    }

    private static Visit map(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("district_id"), rs.getObject("item_id", Long.class),
                InspectionCategory.valueOf(rs.getString("category")), rs.getObject("visit_date", LocalDate.class),
                rs.getObject("notified_on", LocalDate.class), rs.getString("inspectors"), rs.getBigDecimal("teacher_hours"),
                rs.getBoolean("proof_demanded"), rs.getString("note"), rs.getString("recorded_by_name"), rs.getLong("recorded_unit_id"),
                instant(rs, "recorded_at"));
    }
}
