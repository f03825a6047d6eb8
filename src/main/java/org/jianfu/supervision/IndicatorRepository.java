package org.jianfu.supervision;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the indicators, their stored values per year and district, and the years computed and frozen. */
@Repository
class IndicatorRepository {

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the catalogue

    List<Indicator> indicators() {
        return jdbc.sql("select * from supervision_indicator order by position, code").query(IndicatorRepository::indicator).list();
    }

    Optional<Indicator> indicator(String code) {
        return jdbc.sql("select * from supervision_indicator where code = ?").param(code).query(IndicatorRepository::indicator).optional();
    }

    boolean updateThreshold(long id, int version, BigDecimal threshold, String by, Instant at) {
        return jdbc.sql("""
                update supervision_indicator set threshold = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(threshold, by, utc(at), id, version).update() == 1;
    }

    private static Indicator indicator(ResultSet rs, int n) throws SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("figure_key"), rs.getInt("argument"),
                Indicator.Denominator.valueOf(rs.getString("denominator")), (Integer) rs.getObject("denominator_argument"),
                rs.getBigDecimal("factor"), Indicator.Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("threshold"),
                rs.getString("requirement_code"), rs.getInt("position"), instant(rs, "updated_at"), rs.getString("updated_by"),
                rs.getInt("version"));
    }

    // --- the years

    /** When a year's values were computed and frozen. */
    record BoardYear(int year, Instant computedAt, Instant frozenAt) {

        public boolean frozen() {
            return frozenAt != null;
        }
    }

    Optional<BoardYear> year(int year) {
        return jdbc.sql("select * from supervision_board_year where year = ?").param(year).query(IndicatorRepository::boardYear).optional();
    }

    /** The years with values, newest first. */
    List<BoardYear> years() {
        return jdbc.sql("select * from supervision_board_year order by year desc").query(IndicatorRepository::boardYear).list();
    }

    /** Takes the lock that makes one recomputation or freeze of the board at a time, across instances, until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('supervision-board'))").query(Object.class).single();
    }

    void markComputed(int year, Instant at) {
        jdbc.sql("""
                insert into supervision_board_year (year, computed_at) values (?, ?)
                on conflict (year) do update set computed_at = excluded.computed_at""").params(year, utc(at)).update();
    }

    void markFrozen(int year, Long roundId, Instant at) {
        jdbc.sql("update supervision_board_year set frozen_at = ?, round_id = ? where year = ?").params(utc(at), roundId, year).update();
    }

    private static BoardYear boardYear(ResultSet rs, int n) throws SQLException {
        return new BoardYear(rs.getInt("year"), instant(rs, "computed_at"), instant(rs, "frozen_at"));
    }

    // --- the values

    /** One stored value. */
    record StoredValue(int year, long indicatorId, long districtId, BigDecimal value, Integer rank, int ranked, String link) {
    }

    /** Replaces a year's values with these, in one statement whatever their number. */
    void replaceValues(int year, List<StoredValue> values) {
        jdbc.sql("delete from supervision_indicator_value where year = ?").param(year).update();
        if (values.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into supervision_indicator_value (year, indicator_id, district_id, value, rank, ranked, link)
                select ?, * from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::int[], ?::int[], ?::varchar[])""")
                .params(year, values.stream().map(StoredValue::indicatorId).toArray(Long[]::new),
                        values.stream().map(StoredValue::districtId).toArray(Long[]::new),
                        values.stream().map(StoredValue::value).toArray(BigDecimal[]::new),
                        values.stream().map(StoredValue::rank).toArray(Integer[]::new),
                        values.stream().map(StoredValue::ranked).toArray(Integer[]::new),
                        values.stream().map(StoredValue::link).toArray(String[]::new))
                .update();
    }

    /** The values of these districts in these years, by district id. */
    Map<Long, List<StoredValue>> values(Collection<Long> districtIds, int fromYear, int toYear) {
        var values = new LinkedHashMap<Long, List<StoredValue>>();
        districtIds.forEach(id -> values.put(id, new ArrayList<>()));
        if (districtIds.isEmpty()) {
            return values;
        }
        jdbc.sql("""
                select * from supervision_indicator_value where district_id = any(?) and year between ? and ?
                order by year, indicator_id""")
                .params(districtIds.toArray(Long[]::new), fromYear, toYear)
                .query(rs -> {
                    values.get(rs.getLong("district_id")).add(stored(rs));
                });
        return values;
    }

    /** Every district's value of one indicator in a year, best first (those without a value last). */
    List<StoredValue> valuesOf(long indicatorId, int year) {
        return jdbc.sql("""
                select * from supervision_indicator_value where year = ? and indicator_id = ? order by rank nulls last, district_id""")
                .params(year, indicatorId).query((rs, n) -> stored(rs)).list();
    }

    /** A page of the year's districts, in the order of their rank in one indicator (those without a value last). */
    List<Long> districtsRanked(long indicatorId, int year, int offset, int limit) {
        return jdbc.sql("""
                select district_id from supervision_indicator_value where year = ? and indicator_id = ?
                order by rank nulls last, district_id offset ? limit ?""")
                .params(year, indicatorId, offset, limit).query(Long.class).list();
    }

    /** How one indicator stands in a year across districts, with the threshold as it is now. */
    record Summary(long indicatorId, int districts, int withValue, int past, BigDecimal min, BigDecimal median, BigDecimal max) {

        static final Summary NONE = new Summary(0, 0, 0, 0, null, null, null);
    }

    /** Each indicator's summary in a year, by indicator id: the stored summaries, with the districts past each threshold now. */
    Map<Long, Summary> summaries(int year) {
        return summaries("s.year = ?", year).values().stream().findFirst().orElse(Map.of());
    }

    /** One indicator's summary in every year, by year. */
    Map<Integer, Summary> trend(long indicatorId) {
        var trend = new LinkedHashMap<Integer, Summary>();
        summaries("s.indicator_id = ?", indicatorId).forEach((year, byIndicator) -> trend.put(year, byIndicator.get(indicatorId)));
        return trend;
    }

    private Map<Integer, Map<Long, Summary>> summaries(String where, Object parameter) {
        var byYear = new java.util.TreeMap<Integer, Map<Long, Summary>>();
        // the districts past the threshold are counted on the index of values, since the threshold changes as data
        jdbc.sql("""
                select s.*, case when i.threshold is null then 0
                    when i.direction = 'LOWER_IS_BETTER' then (select count(*) from supervision_indicator_value v
                        where v.year = s.year and v.indicator_id = s.indicator_id and v.value > i.threshold)
                    else (select count(*) from supervision_indicator_value v
                        where v.year = s.year and v.indicator_id = s.indicator_id and v.value < i.threshold) end as past
                from supervision_indicator_year s join supervision_indicator i on i.id = s.indicator_id
                where %s""".formatted(where))
                .param(parameter)
                .query(rs -> {
                    byYear.computeIfAbsent(rs.getInt("year"), y -> new HashMap<>()).put(rs.getLong("indicator_id"),
                            new Summary(rs.getLong("indicator_id"), rs.getInt("districts"), rs.getInt("with_value"), rs.getInt("past"),
                                    rs.getBigDecimal("min"), rs.getBigDecimal("median"), rs.getBigDecimal("max")));
                });
        return byYear;
    }

    /** Replaces a year's stored summaries with these. */
    void replaceSummaries(int year, List<Summary> summaries) {
        jdbc.sql("delete from supervision_indicator_year where year = ?").param(year).update();
        for (var s : summaries) {
            jdbc.sql("""
                    insert into supervision_indicator_year (year, indicator_id, districts, with_value, min, median, max)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(year, s.indicatorId(), s.districts(), s.withValue(), s.min(), s.median(), s.max()).update();
        }
    }

    private static StoredValue stored(ResultSet rs) throws SQLException {
        return new StoredValue(rs.getInt("year"), rs.getLong("indicator_id"), rs.getLong("district_id"), rs.getBigDecimal("value"),
                (Integer) rs.getObject("rank"), rs.getInt("ranked"), rs.getString("link"));
    }
}
