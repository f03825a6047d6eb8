package org.jianfu.evaluation;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.jianfu.unit.SchoolStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the indicator sets, their indicators, the "five onlys" phrases and the settings. */
@Repository
class EvaluationRepository {

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long districtId, int year, String name, List<SchoolStage> stages, List<EvaluationSet.Indicator> indicators, Instant now,
            String by) {
        var id = jdbc.sql("""
                insert into evaluation_set (district_id, year, name, stages, created_at, created_by) values (?, ?, ?, ?, ?, ?) returning id""")
                .params(districtId, year, name, stages.stream().map(Enum::name).toArray(String[]::new), utc(now), by)
                .query(Long.class).single();
        insertIndicators(id, indicators);
        return id;
    }

    boolean update(long id, int version, int year, String name, List<SchoolStage> stages, List<EvaluationSet.Indicator> indicators) {
        var changed = jdbc.sql("update evaluation_set set year = ?, name = ?, stages = ?, version = version + 1 where id = ? and version = ?")
                .params(year, name, stages.stream().map(Enum::name).toArray(String[]::new), id, version).update() == 1;
        if (changed) {
            jdbc.sql("delete from evaluation_indicator where set_id = ?").param(id).update();
            insertIndicators(id, indicators);
        }
        return changed;
    }

    private void insertIndicators(long setId, List<EvaluationSet.Indicator> indicators) {
        jdbc.sql("""
                insert into evaluation_indicator (set_id, position, name, weight)
                select ?, p, n, w from unnest(?::int[], ?::text[], ?::numeric[]) as x(p, n, w)""")
                .params(setId, indicators.stream().map(EvaluationSet.Indicator::position).toArray(Integer[]::new),
                        indicators.stream().map(EvaluationSet.Indicator::name).toArray(String[]::new),
                        indicators.stream().map(EvaluationSet.Indicator::weight).toArray(BigDecimal[]::new))
                .update();
    }

    Optional<EvaluationSet> find(long id) {
        return sets("s.id = :id", java.util.Map.of("id", id)).stream().findFirst();
    }

    /** The sets of these districts (every district: null) in a year, by district, name. */
    List<EvaluationSet> ofYear(Collection<Long> districtIds, int year) {
        return districtIds == null ? sets("s.year = :year", java.util.Map.of("year", year))
                : sets("s.year = :year and s.district_id = any(:ids)", java.util.Map.of("year", year, "ids", districtIds.toArray(Long[]::new)));
    }

    private List<EvaluationSet> sets(String where, java.util.Map<String, Object> params) {
        var sets = jdbc.sql("select s.* from evaluation_set s where " + where + " order by s.district_id, s.name, s.id").params(params)
                .query(EvaluationRepository::set).list();
        if (sets.isEmpty()) {
            return sets;
        }
        var indicators = new HashMap<Long, List<EvaluationSet.Indicator>>();
        jdbc.sql("select * from evaluation_indicator where set_id = any(?) order by set_id, position")
                .param(sets.stream().map(EvaluationSet::id).toArray(Long[]::new))
                .query(rs -> {
                    indicators.computeIfAbsent(rs.getLong("set_id"), k -> new ArrayList<>())
                            .add(new EvaluationSet.Indicator(rs.getInt("position"), rs.getString("name"), rs.getBigDecimal("weight")));
                });
        return sets.stream().map(s -> new EvaluationSet(s.id(), s.districtId(), s.year(), s.name(), s.stages(),
                List.copyOf(indicators.getOrDefault(s.id(), List.of())), s.createdAt(), s.createdBy(), s.version())).toList();
    }

    List<IndicatorFlags.Phrase> phrases() {
        return jdbc.sql("select * from evaluation_phrase order by only_kind, phrase").query((rs, n) -> new IndicatorFlags.Phrase(rs.getLong("id"),
                rs.getString("phrase"), OnlyKind.valueOf(rs.getString("only_kind")))).list();
    }

    long insertPhrase(String phrase, OnlyKind kind) {
        return jdbc.sql("insert into evaluation_phrase (phrase, only_kind) values (?, ?) on conflict (phrase) do nothing returning id")
                .params(phrase, kind.name()).query(Long.class).optional().orElse(-1L);
    }

    Optional<IndicatorFlags.Phrase> deletePhrase(long id) {
        return jdbc.sql("delete from evaluation_phrase where id = ? returning *").param(id).query((rs, n) -> new IndicatorFlags.Phrase(
                rs.getLong("id"), rs.getString("phrase"), OnlyKind.valueOf(rs.getString("only_kind")))).optional();
    }

    IndicatorFlags.Settings settings() {
        return jdbc.sql("select * from evaluation_settings where id = 1").query((rs, n) -> new IndicatorFlags.Settings(
                rs.getInt("max_indicators"), rs.getBigDecimal("similarity"), rs.getInt("version"))).single();
    }

    boolean updateSettings(int version, int maxIndicators, BigDecimal similarity) {
        return jdbc.sql("update evaluation_settings set max_indicators = ?, similarity = ?, version = version + 1 where id = 1 and version = ?")
                .params(maxIndicators, similarity, version).update() == 1;
    }

    private static EvaluationSet set(ResultSet rs, int n) throws SQLException {
        var stages = Arrays.stream((String[]) rs.getArray("stages").getArray()).map(SchoolStage::valueOf).toList();
        return new EvaluationSet(rs.getLong("id"), rs.getLong("district_id"), rs.getInt("year"), rs.getString("name"), stages, List.of(),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("version"));
    }
}
