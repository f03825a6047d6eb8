package org.jianfu.teacher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.audit.AuditActor;
import org.jianfu.audit.AuditKey;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.teacher.RosterFile.Column;
import org.jianfu.teacher.RosterImport.Action;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A district's roster import: the uploaded file is read and compared with the roster into a preview (kept in the
 * database, tied to the file by a token), which shows the teachers to add, to update, unchanged, to mark as left, and
 * the problems; applying it writes every change in one transaction, or nothing.
 *
 * <p>A file is the roster of the schools it names: a teacher of one of those schools whom the file no longer lists is
 * marked as left (never deleted: their history stays), and comes back when a later file lists them again. Schools the file
 * does not name are left as they are, so a district can import school by school or all at once. Any problem (an unknown
 * school, a duplicate, a malformed row) blocks applying: the person corrects the file and uploads it again.
 */
@Service
public class RosterImports {

    static final int MAX_LENGTH_NUMBER = 40;
    static final int MAX_LENGTH_NAME = 100;
    static final int MAX_LENGTH_SCHOOL = 200;
    static final int MAX_LENGTH_TEXT = 40;

    private final RosterRepository repository;
    private final RosterAccess access;
    private final RosterKey key;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final AuditKey auditKey;
    private final Clock clock;

    RosterImports(RosterRepository repository, RosterAccess access, RosterKey key, Units units, ApplicationEventPublisher events,
            AuditKey auditKey, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.key = key;
        this.units = units;
        this.events = events;
        this.auditKey = auditKey;
        this.clock = clock;
    }

    /**
     * Reads the file and keeps its preview, replacing the district's earlier unapplied one. A file that is not a roster
     * (wrong type, unreadable, empty, without the headers) is refused with its message and nothing is kept.
     *
     * @param districtId the district whose roster this is (null: the importer's own)
     * @return the preview's id
     */
    @Transactional
    public long preview(AccountPrincipal me, Long districtId, String fileName, byte[] content) {
        var district = access.importDistrict(me, districtId);
        var upload = Uploads.accept(UploadPurpose.ROSTER_IMPORT, content);
        var rows = RosterFile.read(upload);
        var comparison = compare(district, rows, java.util.Set.of());
        var counts = comparison.counts();
        var id = repository.insertImport(district.id(), UUID.randomUUID().toString(), name(fileName), sha256(content),
                me.displayName(), clock.instant(), rows.size(), counts.getOrDefault(Action.ADD, 0), counts.getOrDefault(Action.UPDATE, 0),
                comparison.unchanged(), counts.getOrDefault(Action.LEAVE, 0), counts.getOrDefault(Action.PROBLEM, 0));
        repository.insertRows(id, comparison.rows());
        repository.supersede(district.id(), id);
        return id;
    }

    /** What a file's rows change in the district's roster. */
    record Comparison(List<RosterImport.Row> rows, int unchanged) {

        Map<Action, Integer> counts() {
            return rows.stream().collect(Collectors.groupingBy(RosterImport.Row::action, Collectors.summingInt(r -> 1)));
        }
    }

    /**
     * Compares rows with the district's roster: the schools the rows name, and those of {@code alsoNamed} even when no row
     * names them, are the schools whose roster the rows are (their teachers not listed are marked as left).
     */
    Comparison compare(Unit district, List<RosterFile.Row> fileRows, java.util.Set<Long> alsoNamed) {
        var schools = schoolsByName(district);
        var understood = new ArrayList<Read>();
        for (var row : fileRows) {
            understood.add(read(row, schools));
        }
        var numbers = understood.stream().map(Read::number).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        var hashes = understood.stream().map(Read::hash).filter(Objects::nonNull).collect(Collectors.toSet());
        var named = understood.stream().map(Read::schoolId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        named.addAll(alsoNamed);
        var stored = repository.touchedBy(numbers, hashes, named);
        var byNumber = stored.stream().collect(Collectors.toMap(s -> s.teacher().teacherNumber(), Function.identity()));
        var activeByHash = new HashMap<String, RosterRepository.Stored>();
        stored.stream().filter(s -> s.idHash() != null && s.teacher().state() == Teacher.State.ACTIVE)
                .forEach(s -> activeByHash.putIfAbsent(s.idHash(), s));

        var rows = new ArrayList<RosterImport.Row>();
        var firstRowOfNumber = new HashMap<String, Integer>();
        var firstRowOfHash = new HashMap<String, Integer>();
        int unchanged = 0;
        for (var r : understood) {
            var problem = r.problem();
            String detail = r.problemDetail();
            if (problem == null && firstRowOfNumber.containsKey(r.number())) {
                problem = "duplicate-number";
                detail = firstRowOfNumber.get(r.number()).toString();
            }
            if (problem == null && r.hash() != null && firstRowOfHash.containsKey(r.hash())) {
                problem = "duplicate-identity";
                detail = firstRowOfHash.get(r.hash()).toString();
            }
            if (!r.number().isEmpty()) {
                firstRowOfNumber.putIfAbsent(r.number(), r.row().number());
            }
            if (r.hash() != null) {
                firstRowOfHash.putIfAbsent(r.hash(), r.row().number());
            }
            var existing = byNumber.get(r.number());
            if (problem == null && existing != null && existing.teacher().districtId() != district.id()
                    && existing.teacher().state() == Teacher.State.ACTIVE) {
                problem = "other-district";
                detail = units.get(existing.teacher().schoolId()).name();
            }
            var sameIdentity = r.hash() == null ? null : activeByHash.get(r.hash());
            // another teacher with this identity number stays in the roster, unless this file marks them as left (renumbered)
            if (problem == null && sameIdentity != null && (existing == null || sameIdentity.teacher().id() != existing.teacher().id())
                    && !(named.contains(sameIdentity.teacher().schoolId()) && !numbers.contains(sameIdentity.teacher().teacherNumber()))) {
                problem = "identity-elsewhere";
                detail = sameIdentity.teacher().teacherNumber();
            }
            if (problem != null) {
                rows.add(r.toRow(rows.size(), Action.PROBLEM, null, problem, detail));
                continue;
            }
            if (existing == null) {
                rows.add(r.toRow(rows.size(), Action.ADD, null, null, null));
                continue;
            }
            var changes = changes(r, existing);
            if (changes.isEmpty()) {
                unchanged++;
            }
            else {
                rows.add(r.toRow(rows.size(), Action.UPDATE, existing.teacher(), String.join(",", changes), null));
            }
        }
        // the named schools' teachers whom the file no longer lists
        for (var s : stored) {
            var t = s.teacher();
            if (t.state() == Teacher.State.ACTIVE && named.contains(t.schoolId()) && !numbers.contains(t.teacherNumber())) {
                rows.add(new RosterImport.Row(rows.size(), null, Action.LEAVE, t.id(), t.version(), t.teacherNumber(), t.name(), null,
                        t.schoolId(), t.stage(), t.subject(), t.post(), null, null, null, null, null));
            }
        }
        return new Comparison(rows, unchanged);
    }

    private static List<String> changes(Read r, RosterRepository.Stored existing) {
        var t = existing.teacher();
        var changes = new ArrayList<String>();
        if (!r.name().equals(t.name())) {
            changes.add(TeacherField.NAME.name());
        }
        if (!Objects.equals(r.schoolId(), t.schoolId())) {
            changes.add(TeacherField.SCHOOL.name());
        }
        if (!Objects.equals(r.stage(), t.stage())) {
            changes.add(TeacherField.STAGE.name());
        }
        if (!Objects.equals(r.subject(), t.subject())) {
            changes.add(TeacherField.SUBJECT.name());
        }
        if (!Objects.equals(r.post(), t.post())) {
            changes.add(TeacherField.POST.name());
        }
        // a blank identity number in the file keeps the one the roster has
        if (r.hash() != null && !r.hash().equals(existing.idHash())) {
            changes.add(TeacherField.IDENTITY_NUMBER.name());
        }
        if (t.state() == Teacher.State.LEFT) {
            // listed again after leaving: back in the roster
            changes.add(RETURNED);
        }
        return changes;
    }

    /** One row of the file as understood: the values, the school found, the identity hash, or the row's own problem. */
    private record Read(RosterFile.Row row, String number, String name, String schoolName, Long schoolId, String stage, String subject,
            String post, String hash, String tail, String problem, String problemDetail) {

        RosterImport.Row toRow(int position, Action action, Teacher teacher, String problemOrChanges, String detail) {
            var problem = action == Action.PROBLEM ? problemOrChanges : null;
            var changes = action == Action.UPDATE ? problemOrChanges : null;
            return new RosterImport.Row(position, row.number(), action, teacher == null ? null : teacher.id(),
                    teacher == null ? null : teacher.version(), cut(number, MAX_LENGTH_NUMBER), cut(name, MAX_LENGTH_NAME),
                    cut(schoolName, MAX_LENGTH_SCHOOL), schoolId, cut(stage, MAX_LENGTH_TEXT), cut(subject, MAX_LENGTH_TEXT),
                    cut(post, MAX_LENGTH_TEXT), hash, tail, changes, problem, cut(detail, 200));
        }
    }

    private Read read(RosterFile.Row row, Map<String, Long> schools) {
        var number = row.get(Column.TEACHER_NUMBER);
        var name = row.get(Column.NAME);
        var school = row.get(Column.SCHOOL);
        var stage = blankToNull(row.get(Column.STAGE));
        var subject = blankToNull(row.get(Column.SUBJECT));
        var post = blankToNull(row.get(Column.POST));
        var identity = IdentityNumber.normalised(row.get(Column.IDENTITY));
        String problem = null;
        String detail = null;
        String hash = null;
        String tail = null;
        if (number.isEmpty()) {
            problem = "no-number";
        }
        else if (name.isEmpty()) {
            problem = "no-name";
        }
        else if (number.length() > MAX_LENGTH_NUMBER || name.length() > MAX_LENGTH_NAME || school.length() > MAX_LENGTH_SCHOOL
                || Math.max(length(stage), Math.max(length(subject), length(post))) > MAX_LENGTH_TEXT) {
            problem = "too-long";
        }
        else if (!identity.isEmpty() && !IdentityNumber.valid(identity)) {
            problem = "identity";
        }
        if (!identity.isEmpty() && IdentityNumber.valid(identity)) {
            hash = key.hash(identity);
            tail = IdentityNumber.tail(identity);
        }
        var schoolId = schools.get(school);
        if (problem == null && school.isEmpty()) {
            problem = "no-school";
        }
        else if (problem == null && schoolId == null) {
            problem = "unknown-school";
            detail = school;
        }
        else if (problem == null && AMBIGUOUS.equals(schoolId)) {
            problem = "ambiguous-school";
            detail = school;
        }
        return new Read(row, number, name, school, schoolId == null || AMBIGUOUS.equals(schoolId) ? null : schoolId, stage, subject, post,
                hash, tail, problem, detail);
    }

    private static final Long AMBIGUOUS = -1L;
    /** The change of a teacher marked as left whom a file lists again. */
    static final String RETURNED = "RETURNED";

    /** The district's enabled schools by exact name; a name two schools share is ambiguous. */
    private Map<String, Long> schoolsByName(Unit district) {
        var schools = new HashMap<String, Long>();
        for (var unit : units.children(district.id())) {
            if (unit.type() == UnitType.SCHOOL && unit.enabled()) {
                schools.merge(unit.name(), unit.id(), (a, b) -> AMBIGUOUS);
            }
        }
        return schools;
    }

    /**
     * Applies a preview: every change in one transaction, or nothing. Refused when the token is not the preview's (an
     * older page), when it was already applied, discarded or replaced by a newer file, when it has problems, or when a
     * teacher it changes was changed since it was made.
     */
    @Transactional
    public RosterImport apply(AccountPrincipal me, long importId, String token) {
        var rosterImport = access.importOf(me, repository.lockImport(importId)
                .orElseThrow(() -> new TeacherNotFoundException("roster import " + importId)));
        if (rosterImport.state() != RosterImport.State.PREVIEWED || !rosterImport.token().equals(token)) {
            throw new RuleViolation("token", "roster.error.stale");
        }
        if (rosterImport.problems() > 0) {
            throw new RuleViolation("token", "roster.error.problems", rosterImport.problems());
        }
        if (repository.changedSince(importId) > 0) {
            throw new RuleViolation("token", "roster.error.stale");
        }
        try {
            repository.apply(importId, rosterImport.districtId(), clock.instant(), AuditActor.current(), auditKey);
        }
        catch (DuplicateKeyException e) {
            // a teacher number added since the preview was made
            throw new RuleViolation("token", "roster.error.stale");
        }
        repository.markApplied(importId, me.displayName(), clock.instant());
        var applied = repository.findImport(importId).orElseThrow();
        events.publishEvent(new RosterEvents.ImportApplied(applied.summary()));
        events.publishEvent(new RosterChanged(rosterImport.districtId()));
        return applied;
    }

    /**
     * Previews a file and applies it at once, for data made by the application itself (the demo's roster, benchmarks):
     * refused as the preview would refuse it, or when the preview finds problems.
     *
     * @return the import's id
     */
    @Transactional
    public long importFile(AccountPrincipal me, Long districtId, String fileName, byte[] content) {
        var id = preview(me, districtId, fileName, content);
        return apply(me, id, repository.findImport(id).orElseThrow().token()).id();
    }

    /** Drops a preview that will not be applied. */
    @Transactional
    public void discard(AccountPrincipal me, long importId) {
        var rosterImport = access.importOf(me, repository.lockImport(importId)
                .orElseThrow(() -> new TeacherNotFoundException("roster import " + importId)));
        if (rosterImport.state() == RosterImport.State.PREVIEWED) {
            repository.discard(importId);
        }
    }

    RosterImport readable(AccountPrincipal me, long importId) {
        return access.importOf(me, repository.findImport(importId).orElseThrow(() -> new TeacherNotFoundException("roster import " + importId)));
    }

    private static String name(String fileName) {
        var name = fileName == null || fileName.isBlank() ? "roster" : fileName.strip();
        return cut(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1), 255);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
