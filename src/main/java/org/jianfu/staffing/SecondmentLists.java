package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lists of secondments (a page at a time, in the reader's scope), the city's overdue view, and the settings. */
@Service
public class SecondmentLists {

    private final SecondmentRepository repository;
    private final StaffingAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondmentLists(SecondmentRepository repository, StaffingAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** One page (from 0) of a list, and how many rows it has in all. */
    public record Page(List<Secondment> rows, int page, long total) {

        public int pages() {
            return (int) Math.max(1, (total + SecondmentRepository.PAGE_SIZE - 1) / SecondmentRepository.PAGE_SIZE);
        }
    }

    /** A page of the secondments in the reader's scope (or one district of it), filtered by state; past the last, the last. */
    @Transactional(readOnly = true)
    public Page list(AccountPrincipal me, Long districtId, SecondmentRepository.Filter filter, Integer page) {
        return list(me, districtId, null, filter, page);
    }

    /** The same, of the secondments under way some day of a year (null: any year). */
    @Transactional(readOnly = true)
    public Page list(AccountPrincipal me, Long districtId, Integer year, SecondmentRepository.Filter filter, Integer page) {
        var scope = access.listScope(me, districtId).inYear(year == null ? null : org.jianfu.platform.Years.checked(year));
        var today = LocalDate.now(clock);
        var months = repository.settings().maxMonths();
        var total = repository.count(scope, filter, today, months);
        var last = (int) Math.max(0, (total - 1) / SecondmentRepository.PAGE_SIZE);
        var shown = page == null ? 0 : Math.max(0, Math.min(page, last));
        return new Page(repository.page(scope, filter, today, months, shown * SecondmentRepository.PAGE_SIZE), shown, total);
    }

    /**
     * The rows of the list's file: the same filter, newest first, at most {@code limit} (a file of the whole country's
     * secondments is not what anyone files).
     */
    @Transactional(readOnly = true)
    public List<Secondment> rows(AccountPrincipal me, Long districtId, Integer year, SecondmentRepository.Filter filter, int limit) {
        var scope = access.listScope(me, districtId).inYear(year == null ? null : org.jianfu.platform.Years.checked(year));
        return repository.rows(scope, filter, LocalDate.now(clock), repository.settings().maxMonths(), 0, limit);
    }

    /** How many secondments are overdue in each district, for the city's view. */
    @Transactional(readOnly = true)
    public Map<Long, Long> overdueByDistrict(AccountPrincipal me) {
        StaffingAccess.require(access.cityWide(me), "the city's overdue view for " + me.role());
        return repository.overdueByDistrict(LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public StaffingSettings settings() {
        return repository.settings();
    }

    @Transactional
    public StaffingSettings changeSettings(AccountPrincipal me, int version, int maxMonths, int teachersLimit, int daysLimit,
            int trainingHoursLimit) {
        StaffingAccess.require(me.role() == Role.CITY_ADMIN, "staffing settings for " + me.role());
        if (maxMonths < 1 || maxMonths > 60) {
            throw new RuleViolation("maxMonths", "staffing.error.settings-months");
        }
        if (teachersLimit < 0 || teachersLimit > 10000 || daysLimit < 0 || daysLimit > 100000) {
            throw new RuleViolation(null, "staffing.error.settings-limits");
        }
        if (trainingHoursLimit < 1 || trainingHoursLimit > 10000) {
            throw new RuleViolation("trainingHoursLimit", "staffing.error.settings-training-hours");
        }
        var before = repository.settings();
        if (!repository.updateSettings(version, maxMonths, teachersLimit, daysLimit, trainingHoursLimit, me.displayName(), clock.instant())) {
            throw new EditConflictException("staffing settings");
        }
        var after = repository.settings();
        events.publishEvent(StaffingEvents.StaffingChanged.of("settings-changed", "staffing-settings", 1, before, after));
        return after;
    }
}
