package org.jianfu.teacher;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jianfu.audit.AuditActor;
import org.jianfu.audit.AuditKey;
import org.jianfu.platform.Actor;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.RosterFile.Column;
import org.jianfu.teacher.RosterImport.Action;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's roster sent by another system (the teacher information system, through the API) instead of a file: the
 * lines are compared with the roster exactly as an imported file's rows are ({@link RosterImports}), and applied in one
 * transaction by the import's own statements (identity numbers kept only as a keyed hash, every teacher's change
 * audited); a single bad line refuses them all, with its problem, and nothing changes.
 *
 * <p>The lines are the school's whole roster: its teachers no line lists are marked as left.
 */
@Service
public class RosterSynchronisation {

    /** At most this many lines a school. */
    public static final int MAX_LINES = 5_000;

    private final RosterImports imports;
    private final RosterRepository repository;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final AuditKey auditKey;
    private final Clock clock;

    RosterSynchronisation(RosterImports imports, RosterRepository repository, Units units,
            ApplicationEventPublisher events, AuditKey auditKey, Clock clock) {
        this.imports = imports;
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.auditKey = auditKey;
        this.clock = clock;
    }

    /** One teacher of the school, as the teacher information system has them; only number and name are required. */
    public record TeacherLine(String teacherNumber, String name, String identityNumber, String stage, String subject, String post) {
    }

    /** What is wrong with a line (numbered from 1): a message key of the roster's import problems and its argument. */
    public record Problem(int line, String messageKey, Object[] arguments) {
    }

    /** The lines were refused for these problems; nothing was changed. */
    public static final class LinesRefused extends RuntimeException {

        private final transient List<Problem> problems;

        LinesRefused(List<Problem> problems) {
            super(problems.size() + " roster lines refused");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** What a synchronisation did: the school's teachers before and after, and the changes. */
    public record Result(long importId, long before, long after, int added, int updated, int unchanged, int left) {
    }

    /**
     * Replaces the school's roster by these lines. Refused (a {@link RuleViolation}) for a unit that is not an enabled school
     * of a district or for too many lines, with {@link LinesRefused} for bad lines. The caller has checked that it may
     * write this school's roster; the changes are audited as the caller's (the signed-in {@link Actor}).
     */
    @Transactional
    public Result replaceSchoolRoster(Actor caller, long schoolId, List<TeacherLine> lines) {
        var school = units.get(schoolId);
        var district = school.parentId() == null ? null : units.get(school.parentId());
        if (school.type() != UnitType.SCHOOL || !school.enabled() || district == null || district.type() != UnitType.DISTRICT) {
            throw new RuleViolation("unitId", "roster.sync.error.not-a-school");
        }
        if (lines.size() > MAX_LINES) {
            throw new RuleViolation("teachers", "roster.error.too-many", MAX_LINES);
        }
        var rows = new ArrayList<RosterFile.Row>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i) == null ? new TeacherLine(null, null, null, null, null, null) : lines.get(i);
            var values = new EnumMap<Column, String>(Column.class);
            values.put(Column.TEACHER_NUMBER, clean(line.teacherNumber()));
            values.put(Column.NAME, clean(line.name()));
            values.put(Column.SCHOOL, school.name());
            values.put(Column.IDENTITY, clean(line.identityNumber()));
            values.put(Column.STAGE, clean(line.stage()));
            values.put(Column.SUBJECT, clean(line.subject()));
            values.put(Column.POST, clean(line.post()));
            rows.add(new RosterFile.Row(i + 1, values));
        }
        var comparison = imports.compare(district, rows, Set.of(school.id()));
        var problems = comparison.rows().stream().filter(r -> r.action() == Action.PROBLEM)
                .map(r -> new Problem(r.rowNumber(), r.problemKey(), new Object[] { r.problemDetail() })).toList();
        if (!problems.isEmpty()) {
            throw new LinesRefused(problems);
        }
        var before = repository.activeCount(school.id(), null);
        var counts = comparison.counts();
        var now = clock.instant();
        var fingerprint = RosterImports.sha256(rows.toString().getBytes(StandardCharsets.UTF_8));
        var id = repository.insertImport(district.id(), UUID.randomUUID().toString(), cut("API " + caller.username(), 255), fingerprint,
                caller.displayName(), now, rows.size(), counts.getOrDefault(Action.ADD, 0), counts.getOrDefault(Action.UPDATE, 0),
                comparison.unchanged(), counts.getOrDefault(Action.LEAVE, 0), 0);
        repository.insertRows(id, comparison.rows());
        try {
            repository.apply(id, district.id(), now, AuditActor.current(), auditKey);
        }
        catch (DuplicateKeyException e) {
            // a teacher number added by someone else at the same moment
            throw new RuleViolation("teachers", "roster.error.stale");
        }
        repository.markApplied(id, caller.displayName(), now);
        var applied = repository.findImport(id).orElseThrow();
        events.publishEvent(new RosterEvents.ImportApplied(applied.summary()));
        events.publishEvent(new RosterChanged(district.id()));
        return new Result(id, before, repository.activeCount(school.id(), null), applied.added(), applied.updated(), applied.unchanged(),
                applied.leaving());
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
