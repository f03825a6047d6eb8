package org.jianfu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.platform.Semester;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's load per semester (requirement 14's 总量控制 of what reaches a school), checked on a collection as if it were
 * arranged: for each school it reaches, the arranged collections reaching the school whose deadline falls in the semester
 * of this one's deadline, this one counted in, and their estimated minutes — minutes per school, plus minutes per teacher
 * times the school's teachers in the roster. Schools above either limit the city admin sets are flagged, a few named.
 * A flag for the arranging office, never a refusal. A collection naming its schools is counted here school by school; one
 * reaching a whole area (the city's reaches every school of the country) by district and stage in {@link SchoolGroups}.
 */
@Component
class SchoolLoadCheck {

    /** Schools named in the finding; the count says how many there are in all. */
    static final int NAMED = 5;

    private final ScheduleRepository schedule;
    private final CollectionRepository repository;
    private final CollectionTargets targets;
    private final Roster roster;
    private final Units units;
    private final SchoolGroups groups;

    SchoolLoadCheck(ScheduleRepository schedule, CollectionRepository repository, CollectionTargets targets, Roster roster, Units units,
            SchoolGroups groups) {
        this.groups = groups;
        this.schedule = schedule;
        this.repository = repository;
        this.targets = targets;
        this.roster = roster;
        this.units = units;
    }

    /** What one school bears in the semester. */
    private static final class Load {
        int collections;
        long minutes;
    }

    /** Area-wide collections of one commission with the same stages, summed: a school they reach bears them all. */
    private record Group(Set<SchoolStage> stages, int collections, int minutesPerSchool, int minutesPerTeacher) {
    }

    @Transactional(readOnly = true)
    Optional<LoadFinding> check(DataCollection collection) {
        var limit = repository.settings().schoolLoad();
        var semester = Semester.of(collection.dueOn());
        if (collection.schoolIds().isEmpty()) {
            // Reaching a whole area: counted by district and stage (see SchoolGroups), not school by school.
            var arranger = units.get(collection.arrangingUnitId());
            var holding = new ArrayList<>(CollectionTargets.above(arranger));
            holding.add(arranger.id());
            var stages = Arrays.stream(SchoolStage.values()).filter(s -> CollectionTargets.reaches(collection.targetStages(), s)).toList();
            var everywhere = arranger.parentId() == null;
            return groups.over(collection, everywhere, everywhere ? List.of() : units.districtIdsUnder(arranger.id()), stages,
                    everywhere ? List.of() : targets.overlappingCommissions(arranger.id()), holding, semester, limit, NAMED).map(over -> finding(semester, limit, over.schools(), over.first()));
        }
        var schools = targets.schools(collection);
        if (schools.isEmpty()) {
            return Optional.empty();
        }
        var arranger = units.get(collection.arrangingUnitId());
        var others = schedule.arrangedDue(targets.overlappingCommissions(arranger.id()), semester.first(), semester.last(),
                collection.id());
        // Area-wide collections summed by commission and stages; those of the commissions whose area holds all of this
        // collection's (this one's and those above it) reach a school by its stage alone, a district's by its district too.
        var wide = new HashMap<Long, Map<Set<SchoolStage>, Group>>();
        for (var other : others) {
            if (!other.named()) {
                wide.computeIfAbsent(other.arrangingUnitId(), a -> new HashMap<>()).merge(other.stages(),
                        new Group(other.stages(), 1, other.minutesPerSchool(), other.minutesPerTeacher()),
                        (a, b) -> new Group(a.stages(), a.collections() + b.collections(), a.minutesPerSchool() + b.minutesPerSchool(),
                                a.minutesPerTeacher() + b.minutesPerTeacher()));
            }
        }
        var holding = new ArrayList<Group>();
        var all = new ArrayList<>(CollectionTargets.above(arranger));
        all.add(arranger.id());
        all.forEach(id -> holding.addAll(wide.getOrDefault(id, Map.of()).values()));
        var districts = schools.stream().map(SchoolPlace::districtId).collect(Collectors.toSet());
        var teachers = roster.countsBySchool(districts);
        var loads = new HashMap<Long, Load>(schools.size() * 2);
        for (var school : schools) {
            var load = new Load();
            var staff = teachers.getOrDefault(school.id(), 0L);
            add(load, 1, collection.minutesPerSchool(), collection.minutesPerTeacher(), staff);
            for (var group : holding) {
                addIfReached(load, group, school, staff);
            }
            if (!all.contains(school.districtId())) {
                for (var group : wide.getOrDefault(school.districtId(), Map.of()).values()) {
                    addIfReached(load, group, school, staff);
                }
            }
            loads.put(school.id(), load);
        }
        var namedIds = others.stream().filter(ScheduleRepository.Scheduled::named).map(ScheduleRepository.Scheduled::id).toList();
        var byId = others.stream().collect(Collectors.toMap(ScheduleRepository.Scheduled::id, o -> o));
        schedule.namedSchools(namedIds).forEach((otherId, schoolIds) -> {
            var other = byId.get(otherId);
            for (var schoolId : new HashSet<>(schoolIds)) {
                var load = loads.get(schoolId);
                if (load != null) {
                    add(load, 1, other.minutesPerSchool(), other.minutesPerTeacher(), teachers.getOrDefault(schoolId, 0L));
                }
            }
        });
        var over = loads.entrySet().stream().filter(e -> limit.exceededBy(e.getValue().collections, e.getValue().minutes))
                .sorted(Comparator.<Map.Entry<Long, Load>>comparingInt(e -> -e.getValue().collections)
                        .thenComparingLong(e -> -e.getValue().minutes).thenComparingLong(Map.Entry::getKey))
                .toList();
        if (over.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(semester, limit, over.size(), over.subList(0, Math.min(NAMED, over.size())).stream()
                .map(e -> new LoadFinding.School(e.getKey(), null, e.getValue().collections, e.getValue().minutes)).toList()));
    }

    /** The finding, with the names of the schools it shows. */
    private LoadFinding finding(Semester semester, CollectionSettings.SchoolLoadLimit limit, int schoolsOver, List<LoadFinding.School> shown) {
        var names = units.byIds(shown.stream().map(LoadFinding.School::id).toList()).stream().collect(Collectors.toMap(Unit::id, Unit::name));
        return new LoadFinding(semester, limit, schoolsOver, shown.stream()
                .map(s -> new LoadFinding.School(s.id(), names.get(s.id()), s.collections(), s.minutes())).toList());
    }

    private static void addIfReached(Load load, Group group, SchoolPlace school, long staff) {
        if (CollectionTargets.reaches(group.stages(), school.stage())) {
            add(load, group.collections(), group.minutesPerSchool(), group.minutesPerTeacher(), staff);
        }
    }

    private static void add(Load load, int collections, int minutesPerSchool, int minutesPerTeacher, long staff) {
        load.collections += collections;
        load.minutes += minutesPerSchool + minutesPerTeacher * staff;
    }
}
