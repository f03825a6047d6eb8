package org.jianfu.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The indicator sets districts register (by their reporter) and everyone in education reads within their scope (a district
 * its own, the city every district's), flagged by {@link IndicatorFlags}; the phrase list and limits the city admin keeps.
 * Every change is audited with the set before and after.
 */
@Service
public class Evaluations {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);
    static final int MAX_INDICATORS_TYPED = 500;
    /** A line of the indicator list: a name, optionally followed by its weight (a number, a percent sign allowed). */
    private static final Pattern LINE = Pattern.compile("^(.*?)(?:[\\s,，:：、]+([0-9]+(?:\\.[0-9]+)?)\\s*[%％]?)?$");

    private final EvaluationRepository repository;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evaluations(EvaluationRepository repository, Units units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** A set as typed: year, name, stages, and the indicators one per line ("名称 权重" or "名称"). */
    public record SetDraft(Integer year, String name, List<SchoolStage> stages, String indicators) {
    }

    /** A set with its flags. */
    public record Flagged(EvaluationSet set, IndicatorFlags.Flags flags) {
    }

    @Transactional
    public EvaluationSet register(AccountPrincipal me, SetDraft draft) {
        var district = ownDistrict(me);
        var year = year(draft.year());
        var name = name(draft.name());
        var stages = stages(draft.stages());
        var indicators = indicators(draft.indicators());
        var id = repository.insert(district, year, name, stages, indicators, clock.instant(), me.displayName());
        var set = repository.find(id).orElseThrow();
        events.publishEvent(EvaluationEvents.EvaluationChanged.of("set-registered", "evaluation-set", id, null, set.snapshot()));
        return set;
    }

    @Transactional
    public EvaluationSet change(AccountPrincipal me, long id, int version, SetDraft draft) {
        var before = readable(me, id);
        require(me.role() == Role.DISTRICT_REPORTER && before.districtId() == me.unitId(), "changing indicator sets for " + me.role());
        var year = year(draft.year());
        var name = name(draft.name());
        var stages = stages(draft.stages());
        var indicators = indicators(draft.indicators());
        if (!repository.update(id, version, year, name, stages, indicators)) {
            throw new EditConflictException("evaluation set " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(EvaluationEvents.EvaluationChanged.of("set-changed", "evaluation-set", id, before.snapshot(), after.snapshot()));
        return after;
    }

    /** A set the reader may see, with its flags (compared with its district's other sets of the year). */
    @Transactional(readOnly = true)
    public Flagged get(AccountPrincipal me, long id) {
        var set = readable(me, id);
        var ofDistrict = repository.ofYear(List.of(set.districtId()), set.year());
        return new Flagged(set, IndicatorFlags.of(ofDistrict, repository.phrases(), repository.settings()).get(id));
    }

    /** The sets of a year in the reader's scope (one district, or every district for the city), each with its flags. */
    @Transactional(readOnly = true)
    public List<Flagged> list(AccountPrincipal me, Long districtId, int year) {
        var district = scope(me, districtId);
        var sets = repository.ofYear(district == null ? null : List.of(district), Years.checked(year));
        var flags = IndicatorFlags.of(sets, repository.phrases(), repository.settings());
        return sets.stream().map(s -> new Flagged(s, flags.get(s.id()))).toList();
    }

    /** Per district of these, the sets of the year and how many are flagged: two queries and the rules. */
    Map<Long, long[]> counts(java.util.Collection<Long> districtIds, int year) {
        var sets = repository.ofYear(districtIds, year);
        var flags = IndicatorFlags.of(sets, repository.phrases(), repository.settings());
        var counts = new java.util.HashMap<Long, long[]>();
        for (var s : sets) {
            var c = counts.computeIfAbsent(s.districtId(), k -> new long[2]);
            c[0]++;
            if (flags.get(s.id()).flagged()) {
                c[1]++;
            }
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public List<IndicatorFlags.Phrase> phrases() {
        return repository.phrases();
    }

    @Transactional(readOnly = true)
    public IndicatorFlags.Settings settings() {
        return repository.settings();
    }

    @Transactional
    public void addPhrase(AccountPrincipal me, String phrase, OnlyKind kind) {
        requireCityAdmin(me);
        if (!StringUtils.hasText(phrase) || phrase.strip().length() > 50) {
            throw new RuleViolation("phrase", "evaluation.error.phrase");
        }
        if (kind == null) {
            throw new RuleViolation("kind", "evaluation.error.kind");
        }
        var id = repository.insertPhrase(phrase.strip(), kind);
        if (id < 0) {
            throw new RuleViolation("phrase", "evaluation.error.phrase-exists");
        }
        events.publishEvent(EvaluationEvents.EvaluationChanged.of("phrase-added", "evaluation-phrase", id, null,
                new IndicatorFlags.Phrase(id, phrase.strip(), kind)));
    }

    @Transactional
    public void removePhrase(AccountPrincipal me, long id) {
        requireCityAdmin(me);
        var removed = repository.deletePhrase(id).orElseThrow(() -> new EvaluationNotFoundException("phrase " + id));
        events.publishEvent(EvaluationEvents.EvaluationChanged.of("phrase-removed", "evaluation-phrase", id, removed, null));
    }

    @Transactional
    public void changeSettings(AccountPrincipal me, int version, Integer maxIndicators, BigDecimal similarity) {
        requireCityAdmin(me);
        if (maxIndicators == null || maxIndicators < 1 || maxIndicators > 500) {
            throw new RuleViolation("maxIndicators", "evaluation.error.max");
        }
        if (similarity == null || similarity.signum() <= 0 || similarity.compareTo(BigDecimal.ONE) > 0) {
            throw new RuleViolation("similarity", "evaluation.error.similarity");
        }
        var before = repository.settings();
        if (!repository.updateSettings(version, maxIndicators, similarity)) {
            throw new EditConflictException("evaluation settings");
        }
        events.publishEvent(EvaluationEvents.EvaluationChanged.of("settings-changed", "evaluation-settings", 1, before, repository.settings()));
    }

    /** The district a list shows: the one asked (null: every district, for the city), else the reader's own. */
    Long scope(AccountPrincipal me, Long districtId) {
        require(READERS.contains(me.role()), "indicator sets for " + me.role());
        var cityWide = (me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR) && units.get(me.unitId()).type() == UnitType.CITY;
        if (districtId == null && cityWide) {
            return null;
        }
        var unit = units.getInScope(me, districtId == null ? me.unitId() : districtId);
        if (unit.type() != UnitType.DISTRICT) {
            throw new EvaluationNotFoundException("district " + unit.id());
        }
        return unit.id();
    }

    private EvaluationSet readable(AccountPrincipal me, long id) {
        require(READERS.contains(me.role()), "indicator sets for " + me.role());
        var set = repository.find(id).orElseThrow(() -> new EvaluationNotFoundException("set " + id));
        if (!units.isWithin(me.unitId(), set.districtId())) {
            throw new EvaluationNotFoundException("set " + id);
        }
        return set;
    }

    private long ownDistrict(AccountPrincipal me) {
        require(me.role() == Role.DISTRICT_REPORTER, "registering indicator sets for " + me.role());
        return me.unitId();
    }

    void requireCityAdmin(AccountPrincipal me) {
        require(me.role() == Role.CITY_ADMIN, "evaluation settings for " + me.role());
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    private static int year(Integer year) {
        if (year == null || year < Years.FIRST || year > Years.LAST) {
            throw new RuleViolation("year", "evaluation.error.year");
        }
        return year;
    }

    private static String name(String name) {
        if (!StringUtils.hasText(name)) {
            throw new RuleViolation("name", "evaluation.error.required");
        }
        if (name.strip().length() > 200) {
            throw new RuleViolation("name", "evaluation.error.too-long", 200);
        }
        return name.strip();
    }

    private static List<SchoolStage> stages(List<SchoolStage> stages) {
        if (stages == null || stages.isEmpty()) {
            throw new RuleViolation("stages", "evaluation.error.stages");
        }
        return stages.stream().distinct().sorted().toList();
    }

    /** The indicators typed one per line; a trailing number is the weight (0–100). */
    static List<EvaluationSet.Indicator> indicators(String typed) {
        var indicators = new ArrayList<EvaluationSet.Indicator>();
        if (typed != null) {
            for (var raw : typed.split("\\R")) {
                var line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                var m = LINE.matcher(line);
                m.matches();
                var name = m.group(1).strip();
                if (name.isEmpty() || name.length() > 200) {
                    throw new RuleViolation("indicators", "evaluation.error.indicator", indicators.size() + 1);
                }
                var weight = m.group(2) == null ? null : new BigDecimal(m.group(2));
                if (weight != null && (weight.compareTo(BigDecimal.valueOf(100)) > 0 || weight.scale() > 2)) {
                    throw new RuleViolation("indicators", "evaluation.error.weight", indicators.size() + 1);
                }
                indicators.add(new EvaluationSet.Indicator(indicators.size() + 1, name, weight));
                if (indicators.size() > MAX_INDICATORS_TYPED) {
                    throw new RuleViolation("indicators", "evaluation.error.too-many-typed", MAX_INDICATORS_TYPED);
                }
            }
        }
        if (indicators.isEmpty()) {
            throw new RuleViolation("indicators", "evaluation.error.indicators");
        }
        return indicators;
    }
}
