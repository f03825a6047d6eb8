package org.jianfu.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.survey.ResultRepository.Breakdown;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey's results, only ever for groups of at least the threshold (survey_settings, 10 at first) and never per teacher
 * or school: mean hours per task, the share of non-teaching time, the outside demands teachers name most, the trend over
 * waves, and the districts whose teachers report many hours on inspections while their register shows few inspection items.
 */
@Service
public class SurveyResults {

    /** The register figure the comparison reads: the inspection items approved in the district's annual plan. */
    static final String REGISTER_FIGURE = "inspection.plan";
    static final int COMMENTS_SHOWN = 30;

    private final ResultRepository repository;
    private final SurveyRepository surveys;
    private final SurveyAccess access;
    private final Units units;
    /** Read lazily: the ledger's figures include this module's own ({@link SurveyFigures} reads this service). */
    private final org.springframework.beans.factory.ObjectProvider<LedgerFigures> figures;

    SurveyResults(ResultRepository repository, SurveyRepository surveys, SurveyAccess access, Units units,
            org.springframework.beans.factory.ObjectProvider<LedgerFigures> figures) {
        this.repository = repository;
        this.surveys = surveys;
        this.access = access;
        this.units = units;
        this.figures = figures;
    }

    /**
     * One group's results: its key (a district's id, a school type, a stage, or empty for all), its name or message key, its
     * size, the mean of each question (hours: blank counted as none; a scale: of those who answered), the mean hours a week,
     * the percentage of them spent on non-teaching work, and those on inspections.
     */
    public record Group(String key, String name, String labelKey, long answers, Map<Long, BigDecimal> means, BigDecimal meanHours,
            BigDecimal nonTeachingPercent, BigDecimal inspectionHours, Map<Long, Long> named) {
    }

    /** An outside demand as teachers named it: how many reported hours on it, their share, the mean hours of all. */
    public record Demand(SurveyQuestion question, long named, BigDecimal percent, BigDecimal meanHours) {
    }

    /** A wave in the trend, with the scope's results if its answers reach the threshold. */
    public record Point(SurveyWave wave, Group group) {
    }

    /** A district marked for the supervision office: many hours on inspections reported, few inspection items registered. */
    public record Mark(Unit district, BigDecimal inspectionHours, long registerItems) {
    }

    public record Results(SurveyWave wave, List<SurveyQuestion> questions, int threshold, Breakdown by, Long districtId, Group total,
            List<Group> groups, int hidden, List<Demand> demands, List<Point> trend, List<Mark> marks, List<String> comments) {
    }

    @Transactional(readOnly = true)
    public Results results(AccountPrincipal me, long waveId, Long districtId, Breakdown by) {
        var district = access.resultsDistrict(me, districtId);
        var wave = surveys.wave(waveId).orElseThrow(() -> new SurveyNotFoundException("wave " + waveId));
        var settings = surveys.settings();
        int threshold = settings.minGroupSize();
        var questions = surveys.questions(waveId);
        var totals = groups(List.of(wave), district, Breakdown.ALL, threshold).getOrDefault(waveId, List.of());
        var total = totals.isEmpty() ? null : totals.get(0);
        var shownBy = by == null || by == Breakdown.ALL ? (district == null ? Breakdown.DISTRICT : Breakdown.SCHOOL_TYPE) : by;
        var groups = total == null ? List.<Group>of() : groups(List.of(wave), district, shownBy, threshold).getOrDefault(waveId, List.of());
        int all = repository.sizes(List.of(waveId), district, shownBy).size();
        var demands = total == null ? List.<Demand>of() : demands(questions, total);
        var waves = surveys.waves().stream().filter(w -> w.state() != SurveyWave.State.DRAFT).sorted(Comparator.comparing(SurveyWave::year)
                .thenComparing(SurveyWave::id)).toList();
        var trendGroups = groups(waves, district, Breakdown.ALL, threshold);
        var trend = waves.stream().map(w -> new Point(w, trendGroups.getOrDefault(w.id(), List.of()).stream().findFirst().orElse(null)))
                .toList();
        var marks = total == null ? List.<Mark>of() : marks(wave, district, threshold, settings);
        var comments = total == null ? List.<String>of() : repository.comments(waveId, district, COMMENTS_SHOWN);
        return new Results(wave, questions, threshold, shownBy, district, total, groups, all - groups.size(), demands, trend, marks,
                comments);
    }

    /** The groups of each wave that may be shown (at least the threshold, complementary suppression applied), largest first. */
    Map<Long, List<Group>> groups(List<SurveyWave> waves, Long districtId, Breakdown by, int threshold) {
        if (waves.isEmpty()) {
            return Map.of();
        }
        var waveIds = waves.stream().map(SurveyWave::id).toList();
        var sizes = new HashMap<Long, Map<String, Long>>();
        repository.sizes(waveIds, districtId, by).forEach(s -> sizes.computeIfAbsent(s.waveId(), k -> new HashMap<>()).put(s.group(), s.answers()));
        var questions = new HashMap<Long, SurveyQuestion>();
        surveys.questions(waveIds).forEach(q -> questions.put(q.id(), q));
        var sums = new HashMap<Long, Map<String, List<ResultRepository.Sum>>>();
        repository.sums(waveIds, districtId, by).forEach(s -> sums.computeIfAbsent(s.waveId(), k -> new HashMap<>())
                .computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s));
        var names = by == Breakdown.DISTRICT ? districtNames(sizes) : Map.<String, String>of();
        var result = new LinkedHashMap<Long, List<Group>>();
        sizes.forEach((waveId, ofWave) -> {
            var shown = GroupSuppression.shown(ofWave, threshold);
            var groups = new ArrayList<Group>();
            for (var key : shown) {
                groups.add(group(key, names.get(key), labelKey(by, key), ofWave.get(key),
                        sums.getOrDefault(waveId, Map.of()).getOrDefault(key, List.of()), questions));
            }
            groups.sort(Comparator.comparing(Group::answers).reversed().thenComparing(Group::key));
            result.put(waveId, groups);
        });
        return result;
    }

    private static Group group(String key, String name, String labelKey, long n, List<ResultRepository.Sum> sums,
            Map<Long, SurveyQuestion> questions) {
        var means = new LinkedHashMap<Long, BigDecimal>();
        var named = new HashMap<Long, Long>();
        var hours = BigDecimal.ZERO;
        var nonTeaching = BigDecimal.ZERO;
        var inspection = BigDecimal.ZERO;
        for (var s : sums) {
            var q = questions.get(s.questionId());
            if (q == null) {
                continue;
            }
            var divisor = q.kind() == SurveyQuestion.Kind.HOURS ? n : s.answered();
            means.put(q.id(), divide(s.total(), divisor, 2));
            named.put(q.id(), s.named());
            if (q.kind() == SurveyQuestion.Kind.HOURS) {
                hours = hours.add(s.total());
                if (q.work() == SurveyQuestion.Work.NON_TEACHING) {
                    nonTeaching = nonTeaching.add(s.total());
                }
                if (q.demand() == SurveyQuestion.Demand.INSPECTION) {
                    inspection = inspection.add(s.total());
                }
            }
        }
        var percent = hours.signum() == 0 ? null : nonTeaching.multiply(BigDecimal.valueOf(100)).divide(hours, 1, RoundingMode.HALF_UP);
        return new Group(key, name, labelKey, n, means, divide(hours, n, 1), percent, divide(inspection, n, 1), named);
    }

    /**
     * Each of these districts' results over the waves of a year that are open or closed, when they reach the threshold on
     * their own (absent otherwise): what the ledger shows next to a district's text. Two queries for any number of districts.
     */
    Map<Long, Group> districtTotals(java.util.Collection<Long> districtIds, int year, int threshold) {
        var waves = surveys.waves().stream().filter(w -> w.year() == year && w.state() != SurveyWave.State.DRAFT).toList();
        if (waves.isEmpty() || districtIds.isEmpty()) {
            return Map.of();
        }
        var waveIds = waves.stream().map(SurveyWave::id).toList();
        var wanted = districtIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        var sizes = new HashMap<String, Long>();
        repository.sizes(waveIds, null, Breakdown.DISTRICT).stream().filter(s -> wanted.contains(s.group()))
                .forEach(s -> sizes.merge(s.group(), s.answers(), Long::sum));
        var questions = new HashMap<Long, SurveyQuestion>();
        surveys.questions(waveIds).forEach(q -> questions.put(q.id(), q));
        var sums = new HashMap<String, List<ResultRepository.Sum>>();
        repository.sums(waveIds, null, Breakdown.DISTRICT).stream().filter(s -> wanted.contains(s.group()))
                .forEach(s -> sums.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s));
        var totals = new HashMap<Long, Group>();
        sizes.forEach((key, n) -> {
            if (n >= threshold) {
                totals.put(Long.valueOf(key), group(key, null, null, n, sums.getOrDefault(key, List.of()), questions));
            }
        });
        return totals;
    }

    private static List<Demand> demands(List<SurveyQuestion> questions, Group total) {
        return questions.stream().filter(q -> q.demand() != null).map(q -> {
            long named = total.named().getOrDefault(q.id(), 0L);
            return new Demand(q, named, divide(BigDecimal.valueOf(named * 100), total.answers(), 1),
                    total.means().getOrDefault(q.id(), BigDecimal.ZERO));
        }).sorted(Comparator.comparing(Demand::named).reversed().thenComparing(d -> d.question().position())).toList();
    }

    /**
     * The districts of the scope whose teachers (a group of at least the threshold) report at least the settings' hours a week
     * on inspections while the inspection register approved at most the settings' items in the wave's year.
     */
    List<Mark> marks(SurveyWave wave, Long districtId, int threshold, SurveyRepository.Settings settings) {
        var byDistrict = groups(List.of(wave), districtId, Breakdown.DISTRICT, threshold).getOrDefault(wave.id(), List.of());
        var heavy = byDistrict.stream().filter(g -> g.inspectionHours().compareTo(settings.inspectionHoursAtLeast()) >= 0).toList();
        if (heavy.isEmpty()) {
            return List.of();
        }
        var ids = heavy.stream().map(g -> Long.valueOf(g.key())).toList();
        var live = figures.getObject().live(ids, wave.year());
        var districts = new HashMap<Long, Unit>();
        units.byIds(ids).forEach(u -> districts.put(u.id(), u));
        var marks = new ArrayList<Mark>();
        for (var g : heavy) {
            var id = Long.valueOf(g.key());
            var items = live.getOrDefault(id, List.of()).stream().filter(f -> REGISTER_FIGURE.equals(f.key())).findFirst()
                    .map(f -> ((Number) f.arguments()[0]).longValue()).orElse(0L);
            if (items <= settings.registerItemsAtMost()) {
                marks.add(new Mark(districts.get(id), g.inspectionHours(), items));
            }
        }
        return marks;
    }

    private Map<String, String> districtNames(Map<Long, Map<String, Long>> sizes) {
        var ids = sizes.values().stream().flatMap(m -> m.keySet().stream()).distinct().map(Long::valueOf).toList();
        var names = new HashMap<String, String>();
        units.byIds(ids).forEach(u -> names.put(Long.toString(u.id()), u.name()));
        return names;
    }

    private static String labelKey(Breakdown by, String key) {
        return switch (by) {
            case DISTRICT -> null;
            case SCHOOL_TYPE -> "unit.stage." + key;
            case STAGE -> key.isEmpty() ? "survey.stage.none" : "survey.stage." + key;
            case ALL -> "survey.results.all";
        };
    }

    static BigDecimal divide(BigDecimal total, long by, int scale) {
        return by == 0 ? BigDecimal.ZERO : total.divide(BigDecimal.valueOf(by), scale, RoundingMode.HALF_UP);
    }
}
