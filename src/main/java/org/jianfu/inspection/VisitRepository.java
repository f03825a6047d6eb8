package org.jianfu.inspection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for recorded visits. */
@Repository
class VisitRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    VisitRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /** How many visits the districts had in the year; with {@code onlyIds}, of those visits only. */
    int count(Collection<Long> districtIds, int year, Collection<Long> onlyIds) {
        return jdbc.sql("select count(*) from inspection_visit where district_id = any(?) and visit_date between ? and ?"
                + (onlyIds == null ? "" : " and id = any(?)"))
                .params(areaParams(districtIds, year, onlyIds)).query(Integer.class).single();
    }

    /** How many visits each of these districts had in the year, as the triggers of V52 keep them (a district with none: absent). */
    java.util.Map<Long, Long> countsByDistrict(Collection<Long> districtIds, int year) {
        var counts = new java.util.HashMap<Long, Long>();
        jdbc.sql("select district_id, visits from inspection_visit_count where year = ? and district_id = any(?)")
                .params(year, districtIds.toArray(Long[]::new)).query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** One page of those visits, latest first. */
    List<Visit> page(Collection<Long> districtIds, int year, Collection<Long> onlyIds, int offset, int limit) {
        var params = new java.util.ArrayList<>(List.of(areaParams(districtIds, year, onlyIds)));
        params.add(offset);
        params.add(limit);
        return jdbc.sql("select * from inspection_visit where district_id = any(?) and visit_date between ? and ?"
                + (onlyIds == null ? "" : " and id = any(?)") + " order by visit_date desc, id desc offset ? limit ?")
                .params(params.toArray()).query(VisitRepository::map).list();
    }

    private static Object[] areaParams(Collection<Long> districtIds, int year, Collection<Long> onlyIds) {
        var from = LocalDate.of(year, 1, 1);
        var to = LocalDate.of(year, 12, 31);
        return onlyIds == null ? new Object[] { districtIds.toArray(Long[]::new), from, to }
                : new Object[] { districtIds.toArray(Long[]::new), from, to, onlyIds.toArray(Long[]::new) };
    }

    List<Visit> ofSchool(long schoolId, int year) {
        return jdbc.sql("select * from inspection_visit where school_id = ? and visit_date between ? and ? order by visit_date, id")
                .params(schoolId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(VisitRepository::map).list();
    }

    /** Streams the visits of the districts between two days into the check's columns. */
    /**
     * Every visit of the districts between the days, as columns. A country has millions: they come by
     * {@code COPY ... (format binary)}, which the server streams while this side decodes, instead of a cursor
     * that waits for each batch to be asked for and sends every number as text.
     */
    void loadForCheck(Collection<Long> districtIds, LocalDate from, LocalDate to, VisitTable into) {
        // For a whole country the check drops visits of schools outside the area itself; a huge list would cost more.
        boolean few = districtIds.size() <= 500;
        if (few && districtIds.isEmpty()) {
            return;
        }
        // COPY takes no bind parameters. Only typed values are written into it (dates, and longs), never text.
        var sql = "copy (select id, school_id, coalesce(item_id, 0), visit_date, notified_on, proof_demanded, category"
                + " from inspection_visit where visit_date between date '" + from + "' and date '" + to + "'"
                + (few ? " and district_id in (" + districtIds.stream().map(id -> Long.toString(id)).collect(Collectors.joining(",")) + ")" : "")
                + ") to stdout (format binary)";
        var connection = DataSourceUtils.getConnection(dataSource);
        try (var in = new DataInputStream(new BufferedInputStream(
                new PGCopyInputStream(connection.unwrap(PGConnection.class), sql), 1 << 16))) {
            new VisitCopyReader(in).readInto(into);
        }
        catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the visits for the rule check", e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Visit map(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("district_id"), rs.getObject("item_id", Long.class),
                InspectionCategory.valueOf(rs.getString("category")), rs.getObject("visit_date", LocalDate.class),
                rs.getObject("notified_on", LocalDate.class), rs.getString("inspectors"), rs.getBigDecimal("teacher_hours"),
                rs.getBoolean("proof_demanded"), rs.getString("note"), rs.getString("recorded_by_name"), rs.getLong("recorded_unit_id"),
                instant(rs, "recorded_at"));
    }
}
