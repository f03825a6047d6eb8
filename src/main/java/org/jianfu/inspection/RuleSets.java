package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The rules the check applies, as data: a city admin adds a rule set for a new policy document (with the
 * years it applies to) and its rules, closes an old one, and keeps the school terms; no code changes.
 */
@Service
public class RuleSets {

    private final RuleRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RuleSets(RuleRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<RuleRepository.RuleSet> ruleSets() {
        return repository.ruleSets();
    }

    @Transactional(readOnly = true)
    List<Rule> rules() {
        return repository.rules();
    }

    @Transactional(readOnly = true)
    List<Term> terms() {
        return repository.terms();
    }

    @Transactional
    public long create(AccountPrincipal me, String name, String source, int firstYear, Integer lastYear) {
        requireCityAdmin(me);
        if (!StringUtils.hasText(name) || name.strip().length() > 200 || !StringUtils.hasText(source) || source.strip().length() > 500) {
            throw new RuleViolation(null, "inspection.error.rule-set-fields");
        }
        checkYears(firstYear, lastYear);
        var id = repository.insertSet(name.strip(), source.strip(), firstYear, lastYear, me.displayName(), clock.instant());
        events.publishEvent(InspectionEvents.InspectionChanged.of("rule-set-created", "inspection-rule-set", id, null,
                repository.ruleSet(id).orElseThrow()));
        return id;
    }

    @Transactional
    public void changeYears(AccountPrincipal me, long setId, int version, int firstYear, Integer lastYear) {
        requireCityAdmin(me);
        var before = repository.ruleSet(setId).orElseThrow(() -> new InspectionNotFoundException("rule set " + setId));
        checkYears(firstYear, lastYear);
        if (!repository.updateYears(setId, version, firstYear, lastYear)) {
            throw new EditConflictException("rule set " + setId);
        }
        events.publishEvent(InspectionEvents.InspectionChanged.of("rule-set-changed", "inspection-rule-set", setId, before,
                repository.ruleSet(setId).orElseThrow()));
    }

    private static void checkYears(int firstYear, Integer lastYear) {
        if (firstYear < 2000 || firstYear > 2100 || (lastYear != null && (lastYear < firstYear || lastYear > 2100))) {
            throw new RuleViolation(null, "inspection.error.rule-set-years");
        }
    }

    /** A rule for a set, citing its requirement by code; the fields its kind needs must be there. */
    @Transactional
    public long addRule(AccountPrincipal me, long setId, RuleKind kind, String requirementCode, Set<InspectionCategory> categories,
            Set<InspectionLevel> levels, RulePeriod period, Integer periodYears, Integer maxCount, Integer minDays, BigDecimal similarity,
            boolean blocking, String description) {
        requireCityAdmin(me);
        var set = repository.ruleSet(setId).orElseThrow(() -> new InspectionNotFoundException("rule set " + setId));
        if (kind == null || !StringUtils.hasText(description) || description.strip().length() > 500) {
            throw new RuleViolation(null, "inspection.error.rule-fields");
        }
        var code = requirementCode == null ? "" : requirementCode.strip();
        if (!LedgerTemplate.Requirement.wellFormed(code)) {
            throw new RuleViolation("requirementCode", "inspection.error.rule-requirement-code", code);
        }
        boolean complete = switch (kind) {
            case FREQUENCY -> period != null && maxCount != null && maxCount >= 1 && maxCount <= 100
                    && (period != RulePeriod.YEARS || (periodYears != null && periodYears >= 1 && periodYears <= 10));
            case NOTICE -> minDays != null && minDays >= 1 && minDays <= 366;
            case MERGE -> minDays != null && minDays >= 1 && minDays <= 366 && similarity != null && similarity.signum() > 0
                    && similarity.compareTo(BigDecimal.ONE) <= 0;
            default -> true;
        };
        if (!complete) {
            throw new RuleViolation(null, "inspection.error.rule-parameters");
        }
        var frequency = kind == RuleKind.FREQUENCY;
        var rule = new Rule(0, setId, set.name(), set.sourceDocument(), kind, code,
                categories == null ? Set.of() : categories, levels == null ? Set.of() : levels, frequency ? period : null,
                frequency && period == RulePeriod.YEARS ? periodYears : null, frequency ? maxCount : null,
                kind == RuleKind.NOTICE || kind == RuleKind.MERGE ? minDays : null, kind == RuleKind.MERGE ? similarity : null,
                blocking, description.strip());
        var id = repository.insertRule(setId, rule);
        events.publishEvent(InspectionEvents.InspectionChanged.of("rule-added", "inspection-rule", id, null, repository.rule(id).orElseThrow()));
        return id;
    }

    @Transactional
    public void removeRule(AccountPrincipal me, long ruleId) {
        requireCityAdmin(me);
        var before = repository.rule(ruleId).orElseThrow(() -> new InspectionNotFoundException("rule " + ruleId));
        repository.deleteRule(ruleId);
        events.publishEvent(InspectionEvents.InspectionChanged.of("rule-removed", "inspection-rule", ruleId, before, null));
    }

    @Transactional
    public long addTerm(AccountPrincipal me, String name, LocalDate startsOn, LocalDate endsOn) {
        requireCityAdmin(me);
        if (!StringUtils.hasText(name) || name.strip().length() > 100 || startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
            throw new RuleViolation(null, "inspection.error.term-fields");
        }
        if (repository.overlapsTerm(startsOn, endsOn)) {
            throw new RuleViolation(null, "inspection.error.term-overlap");
        }
        var id = repository.insertTerm(name.strip(), startsOn, endsOn);
        events.publishEvent(InspectionEvents.InspectionChanged.of("term-added", "inspection-term", id, null,
                new Term(id, name.strip(), startsOn, endsOn)));
        return id;
    }

    private static void requireCityAdmin(AccountPrincipal me) {
        InspectionAccess.require(me.role() == Role.CITY_ADMIN, "rule sets are kept by the city admin");
    }
}
