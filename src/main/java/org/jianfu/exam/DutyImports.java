package org.jianfu.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the invigilation a district's teachers actually did, from the exam office's sheet, so that the district can
 * measure the spread without using the allocator. The file passes the guarded door first; every row must name a school
 * of the district and one teacher of it in the roster (by number, else by name), or nothing is stored and the rows at
 * fault are named. A row whose exam is in no arranged plan of the district or the city for its day is kept and flagged.
 */
@Service
public class DutyImports {

    private static final int NAMED_ROWS = 12;

    private final InvigilationRepository duties;
    private final ExamRepository exams;
    private final ExamAccess access;
    private final Roster roster;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DutyImports(InvigilationRepository duties, ExamRepository exams, ExamAccess access, Roster roster, Units units,
            ApplicationEventPublisher events, Clock clock) {
        this.duties = duties;
        this.exams = exams;
        this.access = access;
        this.roster = roster;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public InvigilationRepository.DutyImport importSheet(AccountPrincipal me, Long districtId, String fileName, byte[] content) {
        var district = access.area(me, districtId, ExamAccess.KEEPERS);
        if (district.type() != UnitType.DISTRICT) {
            throw new RuleViolation("district", "exam.import.error.district");
        }
        var lines = DutySheet.read(Uploads.accept(UploadPurpose.EXAM_DUTY_IMPORT, content));
        var schools = new HashMap<String, Long>();
        units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL)
                .forEach(u -> schools.put(DutySheet.key(u.name()), u.id()));
        var teachers = roster.teachersOf(schools.values()).stream().collect(Collectors.groupingBy(Teacher::schoolId));
        var arrangers = List.of(district.id(), units.root().orElseThrow().id());
        var faults = new LinkedHashMap<String, List<Integer>>();
        var rows = new ArrayList<InvigilationRepository.DutyRow>();
        var planCache = new HashMap<Integer, List<ExamPlan>>();
        for (var line : lines) {
            var day = DutySheet.day(line.date());
            var hours = DutySheet.hours(line);
            var school = schools.get(DutySheet.key(line.school()));
            if (line.exam().isEmpty()) {
                fault(faults, "exam.import.error.exam", line.number());
                continue;
            }
            if (day == null) {
                fault(faults, "exam.import.error.date", line.number());
                continue;
            }
            if (hours == null) {
                fault(faults, "exam.import.error.time", line.number());
                continue;
            }
            if (school == null) {
                fault(faults, "exam.import.error.school", line.number());
                continue;
            }
            var teacher = teacherOf(teachers.getOrDefault(school, List.of()), line);
            if (teacher == null) {
                fault(faults, "exam.import.error.teacher", line.number());
                continue;
            }
            var yearPlans = planCache.computeIfAbsent(day.getYear(), y -> exams.arrangedFor(arrangers, y));
            var plan = yearPlans.stream().filter(p -> DutySheet.key(p.name()).equals(DutySheet.key(line.exam()))
                    && !day.isBefore(p.firstDay()) && !day.isAfter(p.lastDay())).findFirst().map(ExamPlan::id).orElse(null);
            rows.add(new InvigilationRepository.DutyRow(line.exam(), day, hours, teacher.id(), school, plan, line.number()));
        }
        if (!faults.isEmpty()) {
            var first = faults.entrySet().iterator().next();
            var numbers = first.getValue().stream().limit(NAMED_ROWS).map(String::valueOf).collect(Collectors.joining(", "));
            throw new RuleViolation("file", first.getKey(), numbers + (first.getValue().size() > NAMED_ROWS ? " …" : ""),
                    faults.values().stream().mapToInt(List::size).sum());
        }
        var year = rows.get(0).heldOn().getYear();
        if (rows.stream().anyMatch(r -> r.heldOn().getYear() != year)) {
            throw new RuleViolation("file", "exam.import.error.one-year");
        }
        var unplanned = (int) rows.stream().filter(r -> r.planId() == null).map(r -> DutySheet.key(r.examName())).distinct().count();
        var name = fileName == null || fileName.isBlank() ? "sheet" : fileName.strip();
        var id = duties.insertImport(district.id(), year, name.length() > 200 ? name.substring(0, 200) : name, rows.size(), unplanned,
                me.displayName(), clock.instant());
        var replaced = duties.deleteDutiesOfTheSameExamDays(district.id(), rows);
        duties.insertDuties(id, district.id(), year, rows);
        var imported = duties.imports(district.id(), year).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("duties-imported", "exam-duty-import", id,
                replaced == 0 ? null : Map.of("rowsReplaced", replaced), imported));
        return imported;
    }

    private static Teacher teacherOf(List<Teacher> ofSchool, DutySheet.Line line) {
        if (!line.teacherNumber().isEmpty()) {
            var number = org.jianfu.platform.HalfWidth.of(line.teacherNumber()).strip();
            return ofSchool.stream().filter(t -> t.teacherNumber().equals(number)).findFirst().orElse(null);
        }
        var name = line.name().replaceAll("\\s", "");
        var named = ofSchool.stream().filter(t -> t.name().replaceAll("\\s", "").equals(name)).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    private static void fault(Map<String, List<Integer>> faults, String key, int row) {
        faults.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }

    /** The imports of a district's year, newest first, and the exams in no plan. */
    @Transactional(readOnly = true)
    public List<InvigilationRepository.DutyImport> imports(AccountPrincipal me, Long districtId, int year) {
        var area = access.area(me, districtId);
        return area.type() == UnitType.DISTRICT ? duties.imports(area.id(), year) : List.of();
    }

    @Transactional(readOnly = true)
    public List<Object[]> unplanned(AccountPrincipal me, Long districtId, int year) {
        var area = access.area(me, districtId);
        return area.type() == UnitType.DISTRICT ? duties.unplanned(area.id(), year) : List.of();
    }
}
