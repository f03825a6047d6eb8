package org.jianfu.supervision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the board's pages show, read from the stored values only (never computed here): the city's districts side by side
 * ranked in one indicator, a page at a time, with every indicator's summary; one indicator across districts and years; one
 * district's indicators over its last five years. A value past its indicator's threshold as it is now is marked.
 */
@Service
class Board {

    /** Districts on one page of the city board. */
    static final int PAGE = 50;
    /** Districts on one page of an indicator's table (its chart shows them all). */
    static final int INDICATOR_PAGE = 100;
    /** The years a district's page and an indicator's trend show. */
    static final int YEARS = 5;

    private final IndicatorRepository repository;
    private final Indicators indicators;
    private final IndicatorValues values;
    private final BoardAccess access;
    private final Units units;
    private final Accountabilities accountabilities;

    Board(IndicatorRepository repository, Indicators indicators, IndicatorValues values, BoardAccess access, Units units,
            Accountabilities accountabilities) {
        this.accountabilities = accountabilities;
        this.repository = repository;
        this.indicators = indicators;
        this.values = values;
        this.access = access;
        this.units = units;
    }

    /** One value as shown: the number, the district's rank among those with one, the rows, and whether it is past the threshold. */
    record Cell(BigDecimal value, Integer rank, int ranked, String link, boolean past) {

        static final Cell NONE = new Cell(null, null, 0, null, false);
    }

    /** A district's row: its cells by indicator id. */
    record Row(Unit district, Map<Long, Cell> cells) {

        public Cell cell(Indicator indicator) {
            return cells.getOrDefault(indicator.id(), Cell.NONE);
        }

        public long pastCount() {
            return cells.values().stream().filter(Cell::past).count();
        }
    }

    /** The year shown, and when its values were computed and frozen (none yet computed: both null). */
    record YearShown(int year, java.time.Instant computedAt, java.time.Instant frozenAt, List<Integer> years) {

        public boolean frozen() {
            return frozenAt != null;
        }
    }

    /**
     * @param accountability the accountability decisions (问责) of the year per district of the rows: the board is the city's
     *        supervision office's and admin's alone, who may read them (never a value of an indicator, which a district
     *        reads on its own page and ledger)
     */
    record CityBoard(YearShown year, List<Indicator> indicators, Map<Long, IndicatorRepository.Summary> summaries, Indicator sortedBy,
            List<Row> rows, int page, int pages, int districts, Map<Long, Long> accountability) {

        public IndicatorRepository.Summary summary(Indicator indicator) {
            return summaries.getOrDefault(indicator.id(), IndicatorRepository.Summary.NONE);
        }

        public long accountability(Row row) {
            return accountability.getOrDefault(row.district().id(), 0L);
        }
    }

    /** The city's board: a page of districts ranked in one indicator (the first when none is named). */
    @Transactional(readOnly = true)
    public CityBoard city(AccountPrincipal me, Integer year, String sortCode, int page) {
        access.requireCityWide(me);
        var shown = year(year);
        var all = indicators.all();
        var sortedBy = sortCode == null ? all.get(0) : all.stream().filter(i -> i.code().equals(sortCode)).findFirst()
                .orElseThrow(() -> new BoardNotFoundException("indicator " + sortCode));
        var summaries = repository.summaries(shown.year());
        var districts = summaries.values().stream().mapToInt(IndicatorRepository.Summary::districts).max().orElse(0);
        var pages = Math.max(1, (districts + PAGE - 1) / PAGE);
        var current = Math.min(Math.max(page, 0), pages - 1);
        var ids = repository.districtsRanked(sortedBy.id(), shown.year(), current * PAGE, PAGE);
        return new CityBoard(shown, all, summaries, sortedBy, rows(ids, shown.year(), all), current, pages, districts,
                accountabilities.counts(ids, shown.year()));
    }

    record IndicatorPage(YearShown year, Indicator indicator, IndicatorRepository.Summary summary, List<Row> rows, List<Row> pageRows,
            int page, int pages, Map<Integer, IndicatorRepository.Summary> trend) {
    }

    /** One indicator: every district's value in the year, best first (a page of them as a table), and its trend by year. */
    @Transactional(readOnly = true)
    public IndicatorPage indicator(AccountPrincipal me, String code, Integer year, int page) {
        access.requireCityWide(me);
        var indicator = indicators.get(code);
        var shown = year(year);
        var stored = repository.valuesOf(indicator.id(), shown.year());
        var names = units.byIds(stored.stream().map(IndicatorRepository.StoredValue::districtId).toList()).stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        var rows = stored.stream().filter(v -> names.containsKey(v.districtId()))
                .map(v -> new Row(names.get(v.districtId()), Map.of(indicator.id(), cell(indicator, v)))).toList();
        var pages = Math.max(1, (rows.size() + INDICATOR_PAGE - 1) / INDICATOR_PAGE);
        var current = Math.min(Math.max(page, 0), pages - 1);
        var pageRows = rows.subList(Math.min(current * INDICATOR_PAGE, rows.size()), Math.min((current + 1) * INDICATOR_PAGE, rows.size()));
        var trend = repository.trend(indicator.id());
        return new IndicatorPage(shown, indicator, trend.getOrDefault(shown.year(), IndicatorRepository.Summary.NONE), rows, pageRows,
                current, pages, trend);
    }

    /** One indicator of a district: its value in each of the years shown. */
    record DistrictLine(Indicator indicator, Map<Integer, Cell> byYear) {

        public Cell in(int year) {
            return byYear.getOrDefault(year, Cell.NONE);
        }
    }

    record DistrictPage(Unit district, YearShown year, List<Integer> years, List<DistrictLine> lines, boolean cityWide) {

        public long pastCount() {
            return lines.stream().filter(l -> l.in(year.year()).past()).count();
        }
    }

    /** One district: each indicator against its threshold, in the year and the four before it. */
    @Transactional(readOnly = true)
    public DistrictPage district(AccountPrincipal me, long districtId, Integer year) {
        var district = access.district(me, districtId);
        var shown = year(year);
        var years = new ArrayList<Integer>();
        for (int y = shown.year() - YEARS + 1; y <= shown.year(); y++) {
            years.add(y);
        }
        var stored = repository.values(List.of(districtId), years.get(0), shown.year()).get(districtId);
        var all = indicators.all();
        var byId = all.stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        var cells = new HashMap<Long, Map<Integer, Cell>>();
        for (var v : stored) {
            var indicator = byId.get(v.indicatorId());
            cells.computeIfAbsent(v.indicatorId(), k -> new HashMap<>()).put(v.year(), cell(indicator, v));
        }
        var lines = all.stream().map(i -> new DistrictLine(i, cells.getOrDefault(i.id(), Map.of()))).toList();
        return new DistrictPage(district, shown, years, lines, access.cityWide(me));
    }

    /** Every district's row in the year, ranked in each indicator: for the export. */
    @Transactional(readOnly = true)
    public CityBoard everything(AccountPrincipal me, Integer year) {
        access.requireCityWide(me);
        var shown = year(year);
        var all = indicators.all();
        var summaries = repository.summaries(shown.year());
        var ids = all.isEmpty() ? List.<Long>of() : repository.districtsRanked(all.get(0).id(), shown.year(), 0, Integer.MAX_VALUE);
        return new CityBoard(shown, all, summaries, all.isEmpty() ? null : all.get(0), rows(ids, shown.year(), all), 0, 1, ids.size(),
                accountabilities.counts(ids, shown.year()));
    }

    private List<Row> rows(List<Long> ids, int year, List<Indicator> all) {
        var byId = all.stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        var districts = units.byIds(ids).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        var stored = repository.values(ids, year, year);
        var rows = new ArrayList<Row>();
        for (var id : ids) {
            var district = districts.get(id);
            if (district == null) {
                continue;
            }
            var cells = new LinkedHashMap<Long, Cell>();
            stored.get(id).forEach(v -> cells.put(v.indicatorId(), cell(byId.get(v.indicatorId()), v)));
            rows.add(new Row(district, cells));
        }
        return rows;
    }

    private static Cell cell(Indicator indicator, IndicatorRepository.StoredValue v) {
        return new Cell(v.value(), v.rank(), v.ranked(), v.link(), indicator.past(v.value()));
    }

    private YearShown year(Integer asked) {
        var years = repository.years().stream().map(IndicatorRepository.BoardYear::year).toList();
        var year = asked != null ? asked : values.currentYear();
        var computed = repository.year(year);
        if (asked != null && computed.isEmpty() && !years.contains(year) && year != values.currentYear()) {
            throw new BoardNotFoundException("year " + year);
        }
        return new YearShown(year, computed.map(IndicatorRepository.BoardYear::computedAt).orElse(null),
                computed.map(IndicatorRepository.BoardYear::frozenAt).orElse(null), years);
    }
}
