package org.jianfu.inspection;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the baseline inventories and the retained lists. */
@Repository
class CleanupRepository {

    private final JdbcClient jdbc;

    CleanupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, int year, String name, String basis, String organizer, InspectionCategory category, Instant now) {
        return jdbc.sql("""
                insert into inspection_baseline_item (district_id, year, name, basis, organizer, category, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, year, name, basis, organizer, category.name(), utc(now)).query(Long.class).single();
    }

    Optional<BaselineItem> find(long id) {
        return jdbc.sql("select * from inspection_baseline_item where id = ?").param(id).query(CleanupRepository::map).optional();
    }

    List<BaselineItem> items(long districtId, int year) {
        return items(List.of(districtId), year).getOrDefault(districtId, List.of());
    }

    /** The baseline items of several districts, by district, in one read. */
    Map<Long, List<BaselineItem>> items(Collection<Long> districtIds, int year) {
        var byDistrict = new HashMap<Long, List<BaselineItem>>();
        jdbc.sql("select * from inspection_baseline_item where district_id = any(?) and year = ? order by id")
                .params(districtIds.toArray(Long[]::new), year).query(CleanupRepository::map).list()
                .forEach(i -> byDistrict.computeIfAbsent(i.districtId(), k -> new ArrayList<>()).add(i));
        return byDistrict;
    }

    boolean mark(long id, int expectedVersion, BaselineOutcome outcome, Long mergedIntoId, String note) {
        return jdbc.sql("""
                update inspection_baseline_item set outcome = ?, merged_into_id = ?, note = ?, version = version + 1
                where id = ? and version = ?""")
                .params(outcome == null ? null : outcome.name(), mergedIntoId, note, id, expectedVersion).update() == 1;
    }

    boolean delete(long id, int expectedVersion) {
        return jdbc.sql("delete from inspection_baseline_item where id = ? and version = ? and not exists "
                + "(select 1 from inspection_baseline_item m where m.merged_into_id = ?)").params(id, expectedVersion, id).update() == 1;
    }

    Optional<Cleanup.Record> record(long districtId, int year) {
        return Optional.ofNullable(records(List.of(districtId), year).get(districtId));
    }

    /** The cleanup records of several districts, by district, in one read. */
    Map<Long, Cleanup.Record> records(Collection<Long> districtIds, int year) {
        var byDistrict = new HashMap<Long, Cleanup.Record>();
        jdbc.sql("select * from inspection_cleanup where district_id = any(?) and year = ?").params(districtIds.toArray(Long[]::new), year)
                .query(rs -> {
                    byDistrict.put(rs.getLong("district_id"), new Cleanup.Record(rs.getString("approval_document"),
                            rs.getObject("approved_on", LocalDate.class), rs.getString("approved_by_name"), instant(rs, "filed_at"),
                            rs.getString("filed_by_name"), rs.getObject("baseline_count", Integer.class),
                            rs.getObject("retained_count", Integer.class), rs.getBoolean("late")));
                });
        return byDistrict;
    }

    void approve(long districtId, int year, String document, LocalDate approvedOn, String by) {
        jdbc.sql("""
                insert into inspection_cleanup (district_id, year, approval_document, approved_on, approved_by_name)
                values (?, ?, ?, ?, ?)
                on conflict (district_id, year) do update set approval_document = excluded.approval_document,
                    approved_on = excluded.approved_on, approved_by_name = excluded.approved_by_name, version = inspection_cleanup.version + 1""")
                .params(districtId, year, document, approvedOn, by).update();
    }

    void file(long districtId, int year, int baseline, int retained, boolean late, String by, Instant now) {
        jdbc.sql("""
                update inspection_cleanup set filed_at = ?, filed_by_name = ?, baseline_count = ?, retained_count = ?, late = ?,
                    version = version + 1
                where district_id = ? and year = ?""")
                .params(utc(now), by, baseline, retained, late, districtId, year).update();
    }

    private static BaselineItem map(ResultSet rs, int n) throws SQLException {
        var outcome = rs.getString("outcome");
        return new BaselineItem(rs.getLong("id"), rs.getLong("district_id"), rs.getInt("year"), rs.getString("name"),
                rs.getString("basis"), rs.getString("organizer"), InspectionCategory.valueOf(rs.getString("category")),
                outcome == null ? null : BaselineOutcome.valueOf(outcome), rs.getObject("merged_into_id", Long.class),
                rs.getString("note"), rs.getInt("version"));
    }
}
