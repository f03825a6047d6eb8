package org.jianfu.teacher;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the roster's pages read, each within the reader's scope ({@link RosterAccess}). */
@Service
@Transactional(readOnly = true)
class RosterPages {

    static final int PAGE_SIZE = 50;
    static final int PREVIEW_ROWS = 500;

    private final RosterRepository repository;
    private final RosterAccess access;
    private final Units units;

    RosterPages(RosterRepository repository, RosterAccess access, Units units) {
        this.repository = repository;
        this.access = access;
        this.units = units;
    }

    /**
     * One page of teachers by number, and how many the filters keep (counted up to {@link RosterRepository#COUNT_CAP}:
     * past it, {@code more} says so and the pages stop there).
     */
    record TeacherPage(Unit unit, List<Teacher> rows, Map<Long, String> schoolNames, int page, long total, boolean more) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /**
     * @param unitId the school or district to list (null: the reader's own unit, for the city every teacher)
     * @param text the start of a name or teacher number, or blank
     */
    TeacherPage list(AccountPrincipal me, Long unitId, String text, Teacher.State state, Integer page) {
        var unit = unitId == null ? access.own(me) : access.listed(me, unitId);
        var filter = switch (unit.type()) {
            case CITY -> new RosterRepository.Filter(null, null, prefix(text), state);
            case DISTRICT -> new RosterRepository.Filter(null, unit.id(), prefix(text), state);
            default -> new RosterRepository.Filter(unit.id(), null, prefix(text), state);
        };
        var counted = repository.count(filter, RosterRepository.COUNT_CAP + 1);
        var more = counted > RosterRepository.COUNT_CAP;
        var total = Math.min(counted, RosterRepository.COUNT_CAP);
        var last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        var shown = page == null ? 0 : Math.max(0, Math.min(page, last));
        var rows = repository.teachers(filter, shown * PAGE_SIZE, PAGE_SIZE);
        return new TeacherPage(unit, rows, schoolNames(rows), shown, total, more);
    }

    /** A teacher the reader may see, with the import history. */
    record TeacherView(Teacher teacher, Unit school, Unit district, List<RosterImport.History> history) {
    }

    TeacherView teacher(AccountPrincipal me, long id) {
        var teacher = access.readable(me, repository.find(id).orElseThrow(() -> new TeacherNotFoundException("teacher " + id)));
        return new TeacherView(teacher, units.get(teacher.schoolId()), units.get(teacher.districtId()), repository.history(id, 100));
    }

    /** A preview with its first rows of each kind (the problems first: they block applying). */
    record PreviewView(RosterImport rosterImport, Unit district, List<RosterImport.Row> problems, List<RosterImport.Row> additions,
            List<RosterImport.Row> updates, List<RosterImport.Row> leaving, Map<Long, String> schoolNames) {
    }

    PreviewView preview(AccountPrincipal me, long importId) {
        var rosterImport = access.importOf(me, repository.findImport(importId)
                .orElseThrow(() -> new TeacherNotFoundException("roster import " + importId)));
        var problems = repository.rows(importId, RosterImport.Action.PROBLEM, PREVIEW_ROWS);
        var additions = repository.rows(importId, RosterImport.Action.ADD, PREVIEW_ROWS);
        var updates = repository.rows(importId, RosterImport.Action.UPDATE, PREVIEW_ROWS);
        var leaving = repository.rows(importId, RosterImport.Action.LEAVE, PREVIEW_ROWS);
        var schoolIds = java.util.stream.Stream.of(additions, updates, leaving).flatMap(List::stream).map(RosterImport.Row::schoolId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return new PreviewView(rosterImport, units.get(rosterImport.districtId()), problems, additions, updates, leaving,
                names(schoolIds));
    }

    /** The district an importer works on, and its latest imports. */
    record ImportView(Unit district, List<RosterImport> recent) {
    }

    ImportView importPage(AccountPrincipal me, Long districtId) {
        access.requireImporter(me);
        var own = units.get(me.unitId());
        if (districtId == null && own.type() != org.jianfu.unit.UnitType.DISTRICT) {
            return new ImportView(null, List.of());
        }
        var district = access.importDistrict(me, districtId);
        return new ImportView(district, repository.recentImports(district.id(), 10));
    }

    private Map<Long, String> schoolNames(List<Teacher> teachers) {
        return names(teachers.stream().map(Teacher::schoolId).collect(Collectors.toSet()));
    }

    private Map<Long, String> names(java.util.Set<Long> ids) {
        return units.byIds(ids).stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
    }

    private static String prefix(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
