package org.jianfu.inspection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the findings kept per plan and year, and for the changes of the check's inputs (see V48). */
@Repository
class KeptFindingRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    KeptFindingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The counters of these units' input changes (a unit never changed has none: 0). */
    Map<Long, Long> changes(Collection<Long> unitIds) {
        var changes = new HashMap<Long, Long>();
        jdbc.sql("select unit_id, changes from inspection_input_change where unit_id = any(?)").param(unitIds.toArray(Long[]::new))
                .query(rs -> {
                    changes.put(rs.getLong(1), rs.getLong(2));
                });
        return changes;
    }

    /** The signature each of these plans' kept findings were computed at; a plan never checked has none. */
    Map<Long, Long> keptSignatures(Collection<Long> planUnitIds, int year) {
        var kept = new HashMap<Long, Long>();
        jdbc.sql("select unit_id, signature from inspection_check_state where year = ? and unit_id = any(?)")
                .params(year, planUnitIds.toArray(Long[]::new))
                .query(rs -> {
                    kept.put(rs.getLong(1), rs.getLong(2));
                });
        return kept;
    }

    /** When the inputs of these units last changed (null: none ever recorded). */
    Instant lastChanged(Collection<Long> unitIds) {
        return jdbc.sql("select max(changed_at) as at from inspection_input_change where unit_id = any(?)").param(unitIds.toArray(Long[]::new))
                .query((rs, n) -> instant(rs, "at")).list().get(0);
    }

    /** When the oldest of these plans' kept findings were computed (null: one was never, or none are kept). */
    Instant oldestCheck(Collection<Long> planUnitIds, int year) {
        return jdbc.sql("""
                select case when count(*) = ? then min(checked_at) end as at from inspection_check_state where year = ? and unit_id = any(?)""")
                .params(planUnitIds.size(), year, planUnitIds.toArray(Long[]::new)).query((rs, n) -> instant(rs, "at")).list().get(0);
    }

    /** Holds one plan's recomputation for the rest of the transaction: two views recomputing it wait for each other. */
    void lock(long planUnitId, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('inspection_kept_finding'), hashtext(? || '/' || ?))")
                .params(planUnitId, year).query().singleRow();
    }

    /** Replaces a plan's kept findings with these, computed at this signature. */
    void replace(long planUnitId, int year, List<Finding> findings, long signature, Instant now) {
        jdbc.sql("delete from inspection_kept_finding where unit_id = ? and year = ?").params(planUnitId, year).update();
        jdbc.sql("delete from inspection_kept_count where unit_id = ? and year = ?").params(planUnitId, year).update();
        var ownItems = new java.util.HashSet<Long>(jdbc.sql("select id from inspection_item where plan_unit_id = ? and id = any(?)")
                .params(planUnitId, findings.stream().flatMap(f -> f.itemIds().stream()).distinct().toArray(Long[]::new))
                .query(Long.class).list());
        var shared = new boolean[findings.size()];
        var counts = new LinkedHashMap<List<Object>, int[]>();
        for (int i = 0; i < findings.size(); i++) {
            var f = findings.get(i);
            shared[i] = f.itemIds().stream().noneMatch(ownItems::contains);
            var count = counts.computeIfAbsent(List.of(f.rule().id(), f.rule().kind().name(), f.visits()), k -> new int[2]);
            count[0]++;
            count[1] += shared[i] ? 0 : 1;
        }
        template.batchUpdate("""
                insert into inspection_kept_finding (unit_id, year, position, rule_id, kind, finding_key, visits, category, aspect,
                    from_day, to_day, occurrences, item_ids, school_ids, visit_ids, shared)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int position) throws SQLException {
                // the position is the finding's place in the plan's own list, which is in the check's order
                var f = findings.get(position);
                ps.setLong(1, planUnitId);
                ps.setInt(2, year);
                ps.setInt(3, position);
                ps.setLong(4, f.rule().id());
                ps.setString(5, f.rule().kind().name());
                ps.setString(6, key(f));
                ps.setBoolean(7, f.visits());
                ps.setString(8, f.category() == null ? null : f.category().name());
                ps.setString(9, f.aspect());
                ps.setObject(10, f.from());
                ps.setObject(11, f.to());
                ps.setInt(12, f.count());
                ps.setArray(13, ps.getConnection().createArrayOf("bigint", f.itemIds().toArray()));
                ps.setArray(14, ps.getConnection().createArrayOf("bigint", f.schoolIds().toArray()));
                ps.setArray(15, ps.getConnection().createArrayOf("bigint", f.visitIds().toArray()));
                ps.setBoolean(16, shared[position]);
            }

            @Override
            public int getBatchSize() {
                return findings.size();
            }
        });
        counts.forEach((k, count) -> jdbc.sql("""
                insert into inspection_kept_count (unit_id, year, rule_id, kind, visits, findings, own) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(planUnitId, year, k.get(0), k.get(1), k.get(2), count[0], count[1]).update());
        jdbc.sql("""
                insert into inspection_check_state (unit_id, year, signature, checked_at) values (?, ?, ?, ?)
                on conflict (unit_id, year) do update set signature = excluded.signature, checked_at = excluded.checked_at""")
                .params(planUnitId, year, signature, utc(now)).update();
    }

    /**
     * What the check merges findings by ({@link FindingCollector}): the rule, whether in the visits, the category, the
     * aspect, the period, the count and the items. Written out in full, so two plans' findings share a key exactly when
     * a check over both would have made them one finding.
     */
    static String key(Finding f) {
        return f.rule().id() + "|" + f.visits() + "|" + f.category() + "|" + f.aspect() + "|" + f.from() + "|" + f.to() + "|"
                + f.count() + "|" + f.itemIds();
    }

    /** The condition that narrows kept findings to the plan's own (none: not in the visits) or to rule kinds. */
    private static String narrowed(Set<RuleKind> kinds) {
        return kinds == null ? " and not visits" : " and kind = any(?)";
    }

    private static Object[] params(Object[] first, Set<RuleKind> kinds) {
        if (kinds == null) {
            return first;
        }
        var all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = kinds.stream().map(Enum::name).toArray(String[]::new);
        return all;
    }

    private static Object[] paged(Object[] params, int offset, int limit) {
        var all = java.util.Arrays.copyOf(params, params.length + 2);
        all[params.length] = offset;
        all[params.length + 1] = limit;
        return all;
    }

    /**
     * Per rule, how many findings these plans have together, counted as one check over all of them would: findings that
     * cannot be alike in two plans summed from each plan's counts, the others (shared) counted once per key.
     */
    Map<Long, Integer> countsByRule(Collection<Long> planUnitIds, int year, Set<RuleKind> kinds) {
        var counts = new LinkedHashMap<Long, Integer>();
        var params = params(new Object[] { year, planUnitIds.toArray(Long[]::new) }, kinds);
        if (planUnitIds.size() == 1) {
            // One plan's findings are distinct already: its counts are all there is to read.
            jdbc.sql("select rule_id, sum(findings) from inspection_kept_count where year = ? and unit_id = any(?)" + narrowed(kinds)
                    + " group by rule_id").params(params).query(rs -> {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    });
            return counts;
        }
        jdbc.sql("select rule_id, sum(own) from inspection_kept_count where year = ? and unit_id = any(?)" + narrowed(kinds)
                + " group by rule_id having sum(own) > 0")
                .params(params).query(rs -> {
                    counts.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                });
        jdbc.sql("select rule_id, count(distinct finding_key) from inspection_kept_finding where year = ? and unit_id = any(?)"
                + narrowed(kinds) + " and shared group by rule_id")
                .params(params).query(rs -> {
                    counts.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                });
        return counts;
    }

    /** How many findings these plans have in the visits, counted as one check would. */
    int visitFindings(Collection<Long> planUnitIds, int year) {
        if (planUnitIds.size() == 1) {
            return jdbc.sql("select coalesce(sum(findings), 0) from inspection_kept_count where year = ? and unit_id = any(?) and visits")
                    .params(year, planUnitIds.toArray(Long[]::new)).query(Integer.class).single();
        }
        var inVisits = jdbc.sql("select coalesce(sum(own), 0) from inspection_kept_count where year = ? and unit_id = any(?) and visits")
                .params(year, planUnitIds.toArray(Long[]::new)).query(Integer.class).single();
        return inVisits + jdbc.sql("""
                select count(distinct finding_key) from inspection_kept_finding where year = ? and unit_id = any(?) and visits and shared""")
                .params(year, planUnitIds.toArray(Long[]::new)).query(Integer.class).single();
    }

    /** How many findings in the visits, of these rule kinds, each of these plans has (a plan with none: absent). */
    Map<Long, Integer> visitFindingsByPlan(Collection<Long> planUnitIds, int year, Set<RuleKind> kinds) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select unit_id, sum(findings) from inspection_kept_count where year = ? and unit_id = any(?) and visits and kind = any(?)"
                + " group by unit_id").params(year, planUnitIds.toArray(Long[]::new), kinds.stream().map(Enum::name).toArray(String[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /** Each plan's own findings (narrowed), most first, one page of plans; with how many plans have any. */
    List<PlanCount> countsByPlan(Collection<Long> planUnitIds, int year, Set<RuleKind> kinds, int offset, int limit) {
        return jdbc.sql("select unit_id, sum(findings), count(*) over () from inspection_kept_count where year = ? and unit_id = any(?)"
                + narrowed(kinds) + " group by unit_id having sum(findings) > 0 order by sum(findings) desc, unit_id offset ? limit ?")
                .params(paged(params(new Object[] { year, planUnitIds.toArray(Long[]::new) }, kinds), offset, limit))
                .query((rs, n) -> new PlanCount(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }

    record PlanCount(long unitId, int count, int plans) {
    }

    /** How many of a plan's own findings there are (narrowed). */
    int count(long planUnitId, int year, Set<RuleKind> kinds) {
        return jdbc.sql("select count(*) from inspection_kept_finding where year = ? and unit_id = ?" + narrowed(kinds))
                .params(params(new Object[] { year, planUnitId }, kinds)).query(Integer.class).single();
    }

    /** One page of a plan's own findings (narrowed), in the check's order. */
    List<Finding> page(long planUnitId, int year, Set<RuleKind> kinds, int offset, int limit, LongFunction<Rule> rules) {
        return jdbc.sql("select * from inspection_kept_finding where year = ? and unit_id = ?" + narrowed(kinds)
                + " order by position offset ? limit ?")
                .params(paged(params(new Object[] { year, planUnitId }, kinds), offset, limit))
                .query((rs, n) -> map(rs, rules)).list();
    }

    /** Every kept finding of these plans that involves the item, each plan's in the check's order. */
    List<Finding> involving(Collection<Long> planUnitIds, int year, long itemId, LongFunction<Rule> rules) {
        return jdbc.sql("""
                select * from inspection_kept_finding where year = ? and unit_id = any(?) and ? = any(item_ids)
                order by unit_id, position""").params(year, planUnitIds.toArray(Long[]::new), itemId)
                .query((rs, n) -> map(rs, rules)).list();
    }

    /** Every kept finding of these plans with any of these rule kinds, for figures and visit flags. */
    List<KeptRow> ofKinds(Collection<Long> planUnitIds, int year, Set<RuleKind> kinds, LongFunction<Rule> rules) {
        return jdbc.sql("select * from inspection_kept_finding where year = ? and unit_id = any(?) and kind = any(?) order by unit_id, position")
                .params(year, planUnitIds.toArray(Long[]::new), kinds.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new KeptRow(rs.getLong("unit_id"), map(rs, rules))).list();
    }

    /** Every kept finding of these plans. */
    List<KeptRow> all(Collection<Long> planUnitIds, int year, LongFunction<Rule> rules) {
        return ofKinds(planUnitIds, year, java.util.EnumSet.allOf(RuleKind.class), rules);
    }

    /** A kept finding with the plan it was kept for. */
    record KeptRow(long planUnitId, Finding finding) {
    }

    private static Finding map(ResultSet rs, LongFunction<Rule> rules) throws SQLException {
        var category = rs.getString("category");
        return new Finding(rules.apply(rs.getLong("rule_id")), rs.getBoolean("visits"),
                category == null ? null : InspectionCategory.valueOf(category), rs.getString("aspect"),
                rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class), rs.getInt("occurrences"),
                ids(rs.getArray("item_ids")), ids(rs.getArray("school_ids")), ids(rs.getArray("visit_ids")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        var values = (Long[]) array.getArray();
        var list = new ArrayList<Long>(values.length);
        java.util.Collections.addAll(list, values);
        return List.copyOf(list);
    }
}
