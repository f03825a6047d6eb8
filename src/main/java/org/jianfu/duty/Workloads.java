package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Teachers' workload against the standards (requirement 20): the city admin sets the most weekly periods per stage, subject
 * and post; a school records each teacher's weekly lessons; a teacher whose lessons plus the hours of their duties in force
 * exceed the standard that applies is above it (one exactly at it is not).
 */
@Service
public class Workloads {

    static final int MAX_LESSONS = 60;
    static final int MAX_FIELD = 40;

    private final WorkloadRepository repository;
    private final DutyAccess access;
    private final Duties duties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workloads(WorkloadRepository repository, DutyAccess access, Duties duties, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.duties = duties;
        this.events = events;
        this.clock = clock;
    }

    /** Records a teacher of the school user's own school's weekly lessons, and returns the teacher's week as it now stands. */
    @Transactional
    public TeacherWorkload recordLessons(AccountPrincipal me, String teacherNumber, Integer lessons) {
        var school = access.ownSchool(me);
        var teacher = duties.teacherOf(school.id(), teacherNumber);
        if (lessons == null || lessons < 0 || lessons > MAX_LESSONS) {
            throw new RuleViolation("lessons", "duty.error.lessons", MAX_LESSONS);
        }
        var today = LocalDate.now(clock);
        var before = repository.find(teacher.id(), today).orElse(null);
        repository.putLessons(teacher, lessons, me.displayName(), clock.instant());
        var after = repository.find(teacher.id(), today).orElseThrow();
        events.publishEvent(DutyEvents.DutyChanged.of("lessons-recorded", "duty-lessons", teacher.id(), before, after));
        return after;
    }

    /** A page of the teachers with recorded lessons in the reader's scope (only those above their standard, if asked). */
    @Transactional(readOnly = true)
    public ListPage<TeacherWorkload> list(AccountPrincipal me, Long districtId, Long schoolId, boolean aboveOnly, Integer page) {
        var scope = access.scope(me, districtId, schoolId);
        var today = LocalDate.now(clock);
        var counts = repository.counts(scope, today);
        return ListPage.of(page, aboveOnly ? counts[1] : counts[0], offset -> repository.page(scope, aboveOnly, today, offset));
    }

    /** How many teachers of the reader's scope have lessons recorded, and how many are above their standard. */
    @Transactional(readOnly = true)
    public long[] counts(AccountPrincipal me, Long districtId, Long schoolId) {
        return repository.counts(access.scope(me, districtId, schoolId), LocalDate.now(clock));
    }

    // --- the standards

    @Transactional(readOnly = true)
    public List<WorkloadStandard> standards() {
        return repository.standards();
    }

    /** Sets the most weekly periods for a stage, subject and post (a blank one: any), adding or changing it. */
    @Transactional
    public WorkloadStandard setStandard(AccountPrincipal me, String stage, String subject, String post, Integer maxPeriods) {
        access.requireCityAdmin(me);
        if (maxPeriods == null || maxPeriods < 1 || maxPeriods > 80) {
            throw new RuleViolation("maxPeriods", "duty.error.max-periods");
        }
        var key = new String[] { clean(stage, "stage"), clean(subject, "subject"), clean(post, "post") };
        var before = repository.standards().stream().filter(s -> same(s, key)).findFirst().orElse(null);
        var id = repository.putStandard(key[0], key[1], key[2], maxPeriods, me.displayName(), clock.instant());
        var after = repository.standard(id).orElseThrow();
        events.publishEvent(DutyEvents.DutyChanged.of("standard-set", "duty-standard", id, before, after));
        return after;
    }

    @Transactional
    public void deleteStandard(AccountPrincipal me, long id, int version) {
        access.requireCityAdmin(me);
        var before = repository.standard(id).orElseThrow(() -> new DutyNotFoundException("standard " + id));
        if (!repository.deleteStandard(id, version)) {
            throw new EditConflictException("standard " + id);
        }
        events.publishEvent(DutyEvents.DutyChanged.of("standard-deleted", "duty-standard", id, before, null));
    }

    private static boolean same(WorkloadStandard s, String[] key) {
        return java.util.Objects.equals(s.stage(), key[0]) && java.util.Objects.equals(s.subject(), key[1])
                && java.util.Objects.equals(s.post(), key[2]);
    }

    private static String clean(String value, String field) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        if (value.strip().length() > MAX_FIELD) {
            throw new RuleViolation(field, "duty.error.too-long", MAX_FIELD);
        }
        return value.strip();
    }
}
