package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The teaching competitions a school's teachers are sent to (requirement 20: no compulsory competitions repeating the same
 * content). Recorded by the school, or by its district's reporter; a second one of the same content in the same year is
 * flagged naming the earlier one, never refused (the register records what happened).
 */
@Service
public class Competitions {

    static final int MAX_TEXT = 200;

    private final CompetitionRepository repository;
    private final DutyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Competitions(CompetitionRepository repository, DutyAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** What is recorded of a competition. */
    public record CompetitionDraft(Long schoolId, String name, String organiser, String content, LocalDate heldOn) {
    }

    @Transactional
    public Competition record(AccountPrincipal me, CompetitionDraft draft) {
        var school = access.competitionSchool(me, draft.schoolId());
        var name = text(draft.name(), "name");
        var organiser = text(draft.organiser(), "organiser");
        var content = text(draft.content(), "content");
        if (draft.heldOn() == null) {
            throw new RuleViolation("heldOn", "duty.error.held-on");
        }
        org.jianfu.platform.Years.checked(draft.heldOn().getYear());
        var id = repository.insert(school.parentId(), school.id(), name, organiser, content, draft.heldOn(), clock.instant(),
                me.displayName());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(DutyEvents.DutyChanged.of("competition-recorded", "duty-competition", id, null, after));
        return after;
    }

    /** A page of the scope's competitions in a year (only repeats, if asked), latest first. */
    @Transactional(readOnly = true)
    public ListPage<Competition> list(AccountPrincipal me, Long districtId, Long schoolId, int year, boolean repeatedOnly, Integer page) {
        var scope = access.scope(me, districtId, schoolId);
        var counts = repository.counts(scope, year);
        return ListPage.of(page, repeatedOnly ? counts[1] : counts[0], offset -> repository.page(scope, year, repeatedOnly, offset));
    }

    /** How many competitions the scope recorded in the year, and how many repeat earlier content. */
    @Transactional(readOnly = true)
    public long[] counts(AccountPrincipal me, Long districtId, Long schoolId, int year) {
        return repository.counts(access.scope(me, districtId, schoolId), year);
    }

    private static String text(String value, String field) {
        if (!StringUtils.hasText(value)) {
            throw new RuleViolation(field, "duty.error.required");
        }
        if (value.strip().length() > MAX_TEXT) {
            throw new RuleViolation(field, "duty.error.too-long", MAX_TEXT);
        }
        return value.strip();
    }
}
