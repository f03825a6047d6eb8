package org.jianfu.staffing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.teacher.Roster;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training attendance imported from a file (teacher number, training, hours) through the upload door, into a preview
 * listing each row and its problem (a teacher not in the district's roster, a training not in its plan or merged or
 * cancelled, hours that are not a number, not positive or above the training's hours, a teacher and training twice in the
 * file); any problem blocks applying. Applying writes every row in one transaction, checking each training again, and
 * is audited with the hours before and after.
 */
@Service
public class AttendanceImports {

    private final TrainingRepository repository;
    private final StaffingAccess access;
    private final Roster roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceImports(TrainingRepository repository, StaffingAccess access, Roster roster, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    /** Reads a file of the reporter's district into a preview, and returns its id; a file the door refuses stores nothing. */
    @Transactional
    public long preview(AccountPrincipal me, String fileName, byte[] content) {
        var district = access.recorderDistrict(me);
        var lines = AttendanceFile.read(Uploads.accept(UploadPurpose.ATTENDANCE_IMPORT, content));
        var trainings = repository.ofDistrict(district.id());
        var byId = trainings.stream().collect(Collectors.toMap(t -> Long.toString(t.id()), Function.identity()));
        Map<String, List<Training>> byTitle = trainings.stream().collect(Collectors.groupingBy(Training::title));
        var seen = new HashSet<String>();
        var rows = new ArrayList<AttendanceImport.Row>();
        for (var line : lines) {
            rows.add(judge(district.id(), line, byId, byTitle, seen));
        }
        var name = fileName == null || fileName.isBlank() ? "attendance" : fileName.strip();
        return repository.insertImport(district.id(), name.length() > 255 ? name.substring(0, 255) : name, rows, clock.instant(),
                me.displayName());
    }

    private AttendanceImport.Row judge(long districtId, AttendanceFile.Line line, Map<String, Training> byId,
            Map<String, List<Training>> byTitle, HashSet<String> seen) {
        var teacher = line.teacherNumber().isEmpty() ? null
                : roster.byNumber(line.teacherNumber()).filter(t -> t.districtId() == districtId).orElse(null);
        var named = byId.containsKey(line.training()) ? List.of(byId.get(line.training()))
                : byTitle.getOrDefault(line.training(), List.of());
        var training = named.size() == 1 ? named.get(0) : null;
        var hours = hours(line.hours());
        String problem = null;
        String argument = null;
        if (teacher == null) {
            problem = line.teacherNumber().isEmpty() ? "staffing.attendance.problem.no-teacher" : "staffing.attendance.problem.teacher";
            argument = line.teacherNumber();
        }
        else if (named.size() > 1) {
            problem = "staffing.attendance.problem.training-ambiguous";
            argument = line.training();
        }
        else if (training == null) {
            problem = "staffing.attendance.problem.training";
            argument = line.training();
        }
        else if (!training.state().attended()) {
            problem = "staffing.attendance.problem.training-" + training.state().name().toLowerCase(java.util.Locale.ROOT);
            argument = training.title();
        }
        else if (hours == null) {
            problem = "staffing.attendance.problem.hours";
            argument = line.hours();
        }
        else if (hours.compareTo(training.hours()) > 0) {
            problem = "staffing.attendance.problem.hours-above";
            argument = training.hours().stripTrailingZeros().toPlainString();
        }
        else if (!seen.add(teacher.id() + "/" + training.id())) {
            problem = "staffing.attendance.problem.twice";
            argument = training.title();
        }
        return new AttendanceImport.Row(line.number(), cut(line.teacherNumber()), cut(line.training()), cut(line.hours()),
                teacher == null ? null : teacher.id(), teacher == null ? null : teacher.name(), training == null ? null : training.id(),
                training == null ? null : training.title(), hours, problem, argument == null ? null : cut(argument));
    }

    /** Hours as a file gives them: a positive number of at most one decimal, at most 1000. */
    static BigDecimal hours(String text) {
        try {
            var hours = new BigDecimal(text.strip());
            return hours.signum() > 0 && hours.compareTo(Trainings.MAX_HOURS) <= 0 && hours.stripTrailingZeros().scale() <= 1 ? hours : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    @Transactional(readOnly = true)
    public AttendanceImport read(AccountPrincipal me, long id) {
        var preview = repository.findImport(id).orElseThrow(() -> new StaffingNotFoundException("attendance import " + id));
        access.readableDistrictOf(me, preview.districtId(), "attendance import " + id);
        return preview;
    }

    /**
     * Writes the preview's hours, all or nothing: a preview with problems, applied already or replaced by a newer file is
     * refused, and so is one naming a training merged or cancelled since (the transaction then writes nothing).
     */
    @Transactional
    public AttendanceImport apply(AccountPrincipal me, long id) {
        var preview = read(me, id);
        access.ownDistrict(me, preview.districtId(), StaffingAccess.RECORDER);
        if (preview.problems() > 0) {
            throw new RuleViolation(null, "staffing.attendance.error.problems", preview.problems());
        }
        if (!repository.markApplied(id, clock.instant(), me.displayName())) {
            throw new RuleViolation(null, "staffing.attendance.error.not-previewed");
        }
        var changes = new ArrayList<Change>();
        for (var row : preview.rows()) {
            var training = repository.lock(row.trainingId()).orElseThrow();
            if (!training.state().attended()) {
                throw new RuleViolation(null, "staffing.attendance.error.training-changed", training.title());
            }
            var teacher = roster.byNumber(row.teacherNumber()).orElseThrow();
            var before = repository.attended(training.id(), row.teacherId());
            repository.attend(training, row, teacher.schoolId(), id);
            changes.add(new Change(row.teacherNumber(), training.id(), before, row.hours()));
        }
        var after = repository.findImport(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("attendance-applied", "staffing-attendance-import", id, null,
                new Applied(after.fileName(), changes)));
        return after;
    }

    /** What the audit trail keeps of an applied file: each teacher's hours of each training before and after. */
    record Applied(String fileName, List<Change> changes) {
    }

    record Change(String teacherNumber, long trainingId, BigDecimal before, BigDecimal after) {
    }
}
