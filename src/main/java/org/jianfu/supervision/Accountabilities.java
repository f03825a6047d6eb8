package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability (问责) where a finding leads to it: the office records whom (a unit or a post), the basis, the decision and
 * its date. Only the city's supervision office and the city admin read or record it; anyone else is refused, and no page,
 * file or figure a district or school reads carries it. The board reads the counts per district through {@link #counts}.
 */
@Service
public class Accountabilities {

    private final AccountabilityRepository repository;
    private final SupervisionFindings findings;
    private final VisitAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accountabilities(AccountabilityRepository repository, SupervisionFindings findings, VisitAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.findings = findings;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public record AccountabilityDraft(String whom, String basis, String decision, LocalDate decidedOn) {
    }

    @Transactional
    public Accountability record(AccountPrincipal me, long findingId, AccountabilityDraft draft) {
        access.requireOffice(me);
        var finding = findings.find(findingId);
        var whom = Texts.required(draft.whom(), "whom", 200);
        var basis = Texts.required(draft.basis(), "basis", 2000);
        var decision = Texts.required(draft.decision(), "decision", 2000);
        if (draft.decidedOn() == null || draft.decidedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("decidedOn", "supervision.accountability.error.decided-on");
        }
        var id = repository.insert(findingId, finding.districtId(), whom, basis, decision, draft.decidedOn(), clock.instant(), me.displayName());
        var recorded = repository.ofFinding(findingId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        events.publishEvent(SupervisionEvents.SupervisionChanged.of("accountability.recorded", SupervisionEvents.SupervisionChanged.ACCOUNTABILITY,
                id, null, recorded));
        return recorded;
    }

    /** The accountability a finding led to; the office only. */
    @Transactional(readOnly = true)
    public List<Accountability> ofFinding(AccountPrincipal me, long findingId) {
        access.requireOffice(me);
        return repository.ofFinding(findingId);
    }

    /** A page of the accountability recorded, in a district and a year (all when null); the office only. */
    @Transactional(readOnly = true)
    public ListPage<Accountability> list(AccountPrincipal me, Long districtId, Integer year, Integer page) {
        access.requireOffice(me);
        if (districtId != null) {
            access.readableDistrict(me, districtId);
        }
        return ListPage.of(page, repository.count(districtId, year), offset -> repository.page(districtId, year, offset));
    }

    /**
     * How many accountability decisions each of these districts had in the year (a count only, one query): for the city's
     * board, which shows it to the city's supervision office and admin only. A district without any is counted 0.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> counts(Collection<Long> districtIds, int year) {
        var counts = new java.util.LinkedHashMap<Long, Long>();
        var found = repository.counts(districtIds, year);
        districtIds.forEach(id -> counts.put(id, found.getOrDefault(id, 0L)));
        return counts;
    }

    /** The same count, for a reader: the office gets it, anyone else null (never a number a district could read). */
    @Transactional(readOnly = true)
    public Long countFor(AccountPrincipal me, long districtId, int year) {
        return access.office(me) ? counts(List.of(districtId), year).get(districtId) : null;
    }
}
