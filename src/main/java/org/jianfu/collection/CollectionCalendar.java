package org.jianfu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Semester;
import org.jianfu.platform.Years;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The arranged collections by deadline: a school's calendar over a semester or a year (what reaches it, when it is due,
 * what it costs the school), and a commission's arranged list of a semester. Both read only arranged collections: nothing
 * else reaches a school.
 */
@Service
class CollectionCalendar {

    private final ScheduleRepository schedule;
    private final CollectionTargets targets;
    private final Roster roster;
    private final Units units;

    CollectionCalendar(ScheduleRepository schedule, CollectionTargets targets, Roster roster, Units units) {
        this.schedule = schedule;
        this.targets = targets;
        this.roster = roster;
        this.units = units;
    }

    /** A period asked for by parameter: a semester ({@code 2026-spring}) or a whole year ({@code 2026}). */
    record Period(LocalDate first, LocalDate last, DefaultMessageSourceResolvable label) {

        static Period parse(String code) {
            if (code != null && code.strip().matches("\\d{4}")) {
                var year = Years.checked(Integer.parseInt(code.strip()));
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new DefaultMessageSourceResolvable(
                        new String[] { "collection.export.year" }, new Object[] { Integer.toString(year) }));
            }
            return of(Semester.parse(code));
        }

        static Period of(Semester semester) {
            return new Period(semester.first(), semester.last(), semester.label());
        }
    }

    /** A collection on a school's calendar, with what it costs that school in minutes. */
    record Entry(ScheduleRepository.Scheduled collection, long minutes) {
    }

    /** The school, if this person may read its calendar: its own users, and the readers of a commission whose area holds it. */
    @Transactional(readOnly = true)
    Unit school(AccountPrincipal me, long schoolId) {
        var school = units.byIds(List.of(schoolId)).stream().filter(u -> u.type() == UnitType.SCHOOL).findFirst()
                .orElseThrow(() -> new CollectionNotFoundException("school " + schoolId));
        var own = me.role() == Role.SCHOOL_USER && me.unitId() == schoolId;
        var above = CollectionRegister.READERS.contains(me.role()) && me.role() != Role.DEPARTMENT_USER
                && units.isWithin(me.unitId(), schoolId);
        if (!own && !above) {
            throw new CollectionNotFoundException("school " + schoolId);
        }
        return school;
    }

    /** The arranged collections reaching the school whose deadline falls in the period, by deadline. */
    @Transactional(readOnly = true)
    List<Entry> calendar(Unit school, Period period) {
        var commissions = new ArrayList<>(CollectionTargets.above(school));
        var others = schedule.arrangedDue(commissions, period.first(), period.last(), 0);
        var naming = new HashSet<Long>();
        schedule.namedSchools(others.stream().filter(ScheduleRepository.Scheduled::named).map(ScheduleRepository.Scheduled::id).toList())
                .forEach((id, schools) -> {
                    if (schools.contains(school.id())) {
                        naming.add(id);
                    }
                });
        var teachers = roster.count(school.id());
        var entries = new ArrayList<Entry>();
        for (var other : others) {
            var reached = other.named() ? naming.contains(other.id()) : CollectionTargets.reaches(other.stages(), school.stage());
            if (reached) {
                entries.add(new Entry(other, other.minutesPerSchool() + other.minutesPerTeacher() * teachers));
            }
        }
        return entries;
    }

    /** The commission, if this person may read its arranged list: its own readers and the city's. */
    @Transactional(readOnly = true)
    Unit commission(AccountPrincipal me, long unitId) {
        var unit = units.byIds(List.of(unitId)).stream().filter(u -> u.type() == UnitType.DISTRICT || u.type() == UnitType.CITY)
                .findFirst().orElseThrow(() -> new CollectionNotFoundException("commission " + unitId));
        var mine = me.unitId() == unitId || units.get(me.unitId()).type() == UnitType.CITY;
        if (!CollectionRegister.READERS.contains(me.role()) || me.role() == Role.DEPARTMENT_USER || !mine) {
            throw new CollectionNotFoundException("commission " + unitId);
        }
        return unit;
    }

    /** The collections the commission arranged whose deadline falls in the semester, by deadline. */
    @Transactional(readOnly = true)
    List<ScheduleRepository.Scheduled> arranged(Unit commission, Semester semester) {
        return schedule.arrangedDue(List.of(commission.id()), semester.first(), semester.last(), 0);
    }

    /** The semester a parameter names, or the one of today when none is given. */
    static Semester semester(String code, LocalDate today) {
        return code == null || code.isBlank() ? Semester.of(today) : Semester.parse(code);
    }

}
