package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision visits the city's supervision office plans (requirement 23): special supervision or school-opening checks
 * of one or more districts, with the scope, the days and the team. A district's commission reads the visits covering it.
 */
@Service
public class SupervisionVisits {

    private final SupervisionVisitRepository repository;
    private final VisitAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisionVisits(SupervisionVisitRepository repository, VisitAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** What the office plans: the kind, a title, the districts covered, the scope, the first and last day, the team's names. */
    public record VisitDraft(SupervisionVisit.Kind kind, String title, List<Long> districtIds, String scope, LocalDate startsOn, LocalDate endsOn,
            String team) {
    }

    @Transactional
    public SupervisionVisit plan(AccountPrincipal me, VisitDraft draft) {
        access.requireOffice(me);
        if (draft.kind() == null) {
            throw new RuleViolation("kind", "supervision.visit.error.kind");
        }
        var title = Texts.required(draft.title(), "title", 200);
        var districts = new LinkedHashSet<>(draft.districtIds() == null ? List.<Long>of() : draft.districtIds());
        districts.remove(null);
        if (districts.isEmpty()) {
            throw new RuleViolation("districtIds", "supervision.visit.error.districts");
        }
        for (var id : districts) {
            if (!access.isDistrict(me, id)) {
                throw new RuleViolation("districtIds", "supervision.visit.error.districts");
            }
        }
        var scope = Texts.required(draft.scope(), "scope", 2000);
        if (draft.startsOn() == null) {
            throw new RuleViolation("startsOn", "supervision.visit.error.starts-on");
        }
        var endsOn = draft.endsOn() == null ? draft.startsOn() : draft.endsOn();
        if (endsOn.isBefore(draft.startsOn())) {
            throw new RuleViolation("endsOn", "supervision.visit.error.end-before-start");
        }
        var team = Texts.required(draft.team(), "team", 500);
        var id = repository.insert(draft.kind(), title, scope, draft.startsOn(), endsOn, team, districts, clock.instant(), me.displayName());
        var visit = find(id);
        events.publishEvent(SupervisionEvents.SupervisionChanged.of("visit.planned", SupervisionEvents.SupervisionChanged.VISIT, id, null, visit));
        return visit;
    }

    /** A visit the reader may see: the office any; a district one covering it, shown with its own district only. */
    @Transactional(readOnly = true)
    public SupervisionVisit read(AccountPrincipal me, long id) {
        var own = access.readerDistrict(me);
        var visit = find(id);
        if (own == null) {
            return visit;
        }
        if (!visit.districtIds().contains(own)) {
            throw new VisitNotFoundException("visit " + id);
        }
        return visit.withDistricts(List.of(own));
    }

    SupervisionVisit find(long id) {
        return repository.find(id).orElseThrow(() -> new VisitNotFoundException("visit " + id));
    }

    /** A page of the visits the reader may see, in a district (the office: all when null) and a year (all when null). */
    @Transactional(readOnly = true)
    public ListPage<SupervisionVisit> list(AccountPrincipal me, Long districtId, Integer year, Integer page) {
        var own = access.readerDistrict(me);
        if (districtId != null) {
            access.readableDistrict(me, districtId);
        }
        var district = own != null ? own : districtId;
        var rows = ListPage.of(page, repository.count(district, year), offset -> repository.page(district, year, offset));
        if (own == null) {
            return rows;
        }
        // a district reads which visits covered it, not which other districts they covered
        return new ListPage<>(rows.rows().stream().map(v -> v.withDistricts(List.of(own))).toList(), rows.page(), rows.total());
    }

    /** The visits covering a district in a year, oldest first (its report). */
    @Transactional(readOnly = true)
    public List<SupervisionVisit> ofDistrict(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        return repository.ofDistrict(districtId, year).stream().map(v -> access.office(me) ? v : v.withDistricts(List.of(districtId))).toList();
    }
}
