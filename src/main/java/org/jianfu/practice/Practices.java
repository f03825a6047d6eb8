package org.jianfu.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.ledger.Templates;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Good-practice cases: a district's reporter writes one (draft), changes and submits it; the city admin returns it with a
 * reason or publishes it, and only then does it appear on the public page. Commissions and the supervision office read
 * their scope's cases. Every step is audited.
 */
@Service
public class Practices {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);

    private final PracticeRepository repository;
    private final Units units;
    private final Templates templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Practices(PracticeRepository repository, Units units, Templates templates, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /** A case as typed. */
    public record CaseDraft(Integer year, String title, String summary, String body, List<String> requirementCodes) {
    }

    @Transactional
    public PracticeCase create(AccountPrincipal me, CaseDraft draft) {
        require(me.role() == Role.DISTRICT_REPORTER, "writing good-practice cases for " + me.role());
        var d = checked(draft);
        var id = repository.insert(me.unitId(), d.year(), d.title(), d.summary(), d.body(), d.requirementCodes(), clock.instant(),
                me.displayName());
        var created = repository.find(id).orElseThrow();
        events.publishEvent(PracticeEvents.PracticeChanged.of("created", id, null, created.snapshot()));
        return created;
    }

    @Transactional
    public PracticeCase change(AccountPrincipal me, long id, int version, CaseDraft draft) {
        var before = own(me, id);
        if (!before.state().editable()) {
            throw new RuleViolation(null, "practice.error.not-editable");
        }
        var d = checked(draft);
        if (!repository.update(id, version, d.year(), d.title(), d.summary(), d.body(), d.requirementCodes())) {
            throw new EditConflictException("practice case " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(PracticeEvents.PracticeChanged.of("changed", id, before.snapshot(), after.snapshot()));
        return after;
    }

    @Transactional
    public PracticeCase submit(AccountPrincipal me, long id, int version) {
        var before = own(me, id);
        if (!before.state().editable()) {
            throw new RuleViolation(null, "practice.error.not-editable");
        }
        return move(before, version, PracticeCase.State.SUBMITTED, null, null, "submitted");
    }

    /** The city returns a submitted case with its reason; the district may change it and submit it again. */
    @Transactional
    public PracticeCase returnCase(AccountPrincipal me, long id, int version, String reason) {
        var before = underReview(me, id);
        if (!StringUtils.hasText(reason) || reason.strip().length() > 2000) {
            throw new RuleViolation("reason", "practice.error.reason");
        }
        return move(before, version, PracticeCase.State.RETURNED, reason.strip(), null, "returned");
    }

    /** The city publishes a submitted case: from now on the public page shows it. */
    @Transactional
    public PracticeCase publish(AccountPrincipal me, long id, int version) {
        var before = underReview(me, id);
        return move(before, version, PracticeCase.State.PUBLISHED, null, LocalDate.now(clock), "published");
    }

    private PracticeCase move(PracticeCase before, int version, PracticeCase.State to, String note, LocalDate publishedOn, String action) {
        if (!repository.move(before.id(), version, before.state(), to, note, publishedOn)) {
            throw new EditConflictException("practice case " + before.id());
        }
        var after = repository.find(before.id()).orElseThrow();
        events.publishEvent(PracticeEvents.PracticeChanged.of(action, before.id(), before.snapshot(), after.snapshot()));
        return after;
    }

    @Transactional(readOnly = true)
    public PracticeCase get(AccountPrincipal me, long id) {
        require(READERS.contains(me.role()), "good-practice cases for " + me.role());
        var found = repository.find(id).orElseThrow(() -> new PracticeNotFoundException("case " + id));
        if (!units.isWithin(me.unitId(), found.districtId())) {
            throw new PracticeNotFoundException("case " + id);
        }
        return found;
    }

    @Transactional(readOnly = true)
    public ListPage<PracticeCase> list(AccountPrincipal me, Long districtId, int year, PracticeCase.State state, Integer page) {
        return repository.page(scope(me, districtId), Years.checked(year), state, page);
    }

    /** The published cases, for everyone. */
    @Transactional(readOnly = true)
    public ListPage<PracticeCase> published(String requirementCode, Integer page) {
        return repository.published(requirementCode, page);
    }

    /** A published case, for everyone; any other is not found. */
    @Transactional(readOnly = true)
    public PracticeCase publishedCase(long id) {
        return repository.find(id).filter(c -> c.state() == PracticeCase.State.PUBLISHED)
                .orElseThrow(() -> new PracticeNotFoundException("published case " + id));
    }

    /** The requirements a case may concern: those of the shipped 2021 ledger template, by code. */
    @Transactional(readOnly = true)
    public List<LedgerTemplate.Requirement> requirements() {
        return templates.get(templates.shipped2021()).requirements();
    }

    java.util.Map<Long, long[]> tally(java.util.Collection<Long> districtIds, int year) {
        return districtIds.isEmpty() ? java.util.Map.of() : repository.tally(districtIds, year);
    }

    Long scope(AccountPrincipal me, Long districtId) {
        require(READERS.contains(me.role()), "good-practice cases for " + me.role());
        var cityWide = (me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR) && units.get(me.unitId()).type() == UnitType.CITY;
        if (districtId == null && cityWide) {
            return null;
        }
        var unit = units.getInScope(me, districtId == null ? me.unitId() : districtId);
        if (unit.type() != UnitType.DISTRICT) {
            throw new PracticeNotFoundException("district " + unit.id());
        }
        return unit.id();
    }

    private PracticeCase own(AccountPrincipal me, long id) {
        var found = get(me, id);
        require(me.role() == Role.DISTRICT_REPORTER && found.districtId() == me.unitId(), "changing good-practice cases for " + me.role());
        return found;
    }

    private PracticeCase underReview(AccountPrincipal me, long id) {
        var found = get(me, id);
        require(me.role() == Role.CITY_ADMIN, "reviewing good-practice cases for " + me.role());
        if (found.state() != PracticeCase.State.SUBMITTED) {
            throw new RuleViolation(null, "practice.error.not-submitted");
        }
        return found;
    }

    private CaseDraft checked(CaseDraft draft) {
        if (draft.year() == null || draft.year() < Years.FIRST || draft.year() > Years.LAST) {
            throw new RuleViolation("year", "practice.error.year");
        }
        var codes = draft.requirementCodes() == null ? List.<String>of() : draft.requirementCodes().stream().distinct().sorted().toList();
        var known = requirements().stream().map(LedgerTemplate.Requirement::code).toList();
        if (codes.isEmpty() || !known.containsAll(codes)) {
            throw new RuleViolation("requirementCodes", "practice.error.requirements");
        }
        return new CaseDraft(draft.year(), text(draft.title(), "title", 200), text(draft.summary(), "summary", 500),
                text(draft.body(), "body", 20000), codes);
    }

    private static String text(String value, String field, int max) {
        if (!StringUtils.hasText(value)) {
            throw new RuleViolation(field, "practice.error.required");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "practice.error.too-long", max);
        }
        return value.strip();
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }
}
