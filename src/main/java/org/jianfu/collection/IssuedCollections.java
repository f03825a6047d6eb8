package org.jianfu.collection;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued collections on the schools' side (requirement 14): a school sees the arranged collections that reach it, with
 * their register codes, deadlines and expected effort, and marks each answered, once; an answer after the deadline is
 * recorded as late. Nothing unarranged reaches a school: only arranged collections carry a code and meet {@link Reach}.
 */
@Service
class IssuedCollections {

    private final IssuedRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IssuedCollections(IssuedRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the collections of the year issued to the school of this school user, those to answer first. */
    @Transactional(readOnly = true)
    Issued page(AccountPrincipal me, int year, Integer page) {
        requireSchool(me);
        var counts = repository.counts(me.unitId(), year);
        return new Issued(counts, ListPage.of(page, counts.total(),
                offset -> repository.page(me.unitId(), year, offset, ListPage.SIZE)));
    }

    record Issued(IssuedRepository.Counts counts, ListPage<IssuedCollection> page) {
    }

    /**
     * The school user marks the collection answered for the school. A collection not issued to the school is not found
     * (another school's, an unarranged one); a second answer is refused.
     */
    @Transactional
    IssuedCollection answer(AccountPrincipal me, long collectionId) {
        requireSchool(me);
        var issued = repository.reaching(me.unitId(), collectionId)
                .orElseThrow(() -> new CollectionNotFoundException("collection " + collectionId + " for school " + me.unitId()));
        var today = LocalDate.now(clock);
        if (today.isBefore(issued.opensOn())) {
            throw new RuleViolation(null, "collection.error.answer-not-open", issued.opensOn());
        }
        var answer = new IssuedCollection.Answer(issued.id(), issued.code(), me.unitId(), today, issued.dueOn(),
                today.isAfter(issued.dueOn()), clock.instant(), me.username());
        if (!repository.answer(answer)) {
            throw new RuleViolation(null, "collection.error.answered-already");
        }
        events.publishEvent(new IssuedCollection.Answered(answer));
        return repository.reaching(me.unitId(), collectionId).orElseThrow();
    }

    /** What waits for the school: collections issued to it, open by today, not answered. */
    @Transactional(readOnly = true)
    IssuedRepository.Waiting waiting(long schoolId) {
        return repository.waiting(schoolId, LocalDate.now(clock));
    }

    private static void requireSchool(AccountPrincipal me) {
        if (me.role() != Role.SCHOOL_USER) {
            throw new AccessDeniedException("schools only");
        }
    }
}
