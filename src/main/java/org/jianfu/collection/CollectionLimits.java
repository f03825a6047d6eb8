package org.jianfu.collection;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's limits, set as data by a city admin (each change audited): the yearly total of teacher surveys, the
 * window within which two departments' collections count as arranged by several heads, the statistics departments, and
 * a school's load per semester.
 */
@Service
public class CollectionLimits {

    private final CollectionRepository repository;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionLimits(CollectionRepository repository, Units units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CollectionSettings settings() {
        return repository.settings();
    }

    /** Changes the limits, the school load per semester kept as it is. */
    @Transactional
    public CollectionSettings change(AccountPrincipal me, int version, int teacherSurveyYearlyTotal, int overlapWindowDays,
            List<Long> statisticsDepartmentIds) {
        return change(me, version, teacherSurveyYearlyTotal, overlapWindowDays, statisticsDepartmentIds, repository.settings().schoolLoad());
    }

    @Transactional
    public CollectionSettings change(AccountPrincipal me, int version, int teacherSurveyYearlyTotal, int overlapWindowDays,
            List<Long> statisticsDepartmentIds, CollectionSettings.SchoolLoadLimit schoolLoad) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("city admins only");
        }
        if (teacherSurveyYearlyTotal < 0 || teacherSurveyYearlyTotal > 1000) {
            throw new RuleViolation("teacherSurveyYearlyTotal", "collection.error.total-range");
        }
        if (overlapWindowDays < 0 || overlapWindowDays > 366) {
            throw new RuleViolation("overlapWindowDays", "collection.error.overlap-range");
        }
        if (schoolLoad.collections() < 1 || schoolLoad.collections() > CollectionSettings.SchoolLoadLimit.MAX_COLLECTIONS) {
            throw new RuleViolation("schoolTermCollections", "collection.error.school-load-collections-range",
                    CollectionSettings.SchoolLoadLimit.MAX_COLLECTIONS);
        }
        if (schoolLoad.minutes() < 1 || schoolLoad.minutes() > CollectionSettings.SchoolLoadLimit.MAX_MINUTES) {
            throw new RuleViolation("schoolTermMinutes", "collection.error.school-load-minutes-range",
                    CollectionSettings.SchoolLoadLimit.MAX_MINUTES);
        }
        var ids = statisticsDepartmentIds == null ? List.<Long>of() : statisticsDepartmentIds.stream().distinct().toList();
        var departments = units.byIds(Set.copyOf(ids));
        if (departments.size() != ids.size() || departments.stream().anyMatch(u -> u.type() != UnitType.DEPARTMENT)) {
            throw new RuleViolation("statisticsDepartmentIds", "collection.error.not-a-department");
        }
        var before = repository.settings();
        if (!repository.updateSettings(version, teacherSurveyYearlyTotal, overlapWindowDays, ids, schoolLoad, me.username(),
                clock.instant())) {
            throw new EditConflictException("collection settings");
        }
        var after = repository.settings();
        events.publishEvent(new CollectionEvents.SettingsChanged(before.snapshot(), after.snapshot()));
        return after;
    }
}
