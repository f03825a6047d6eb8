package org.jianfu.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.document.OfficeTable;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.jianfu.teacher.TeacherField;
import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teacher fields the roster already holds (requirement 17, 一次采集多次使用): a collection asking teachers to type them again
 * is flagged, and instead the arranging office hands the requesting department the roster's values for the teachers of
 * the collection's target schools, as an Excel file holding only the fields asked for that the roster can give (never the
 * identity-card number, which it holds only as a keyed hash).
 */
@Component
class PrefilledExport {

    private final ScheduleRepository schedule;
    private final CollectionTargets targets;
    private final Roster roster;
    private final Units units;
    private final MessageSource messages;

    PrefilledExport(ScheduleRepository schedule, CollectionTargets targets, Roster roster, Units units, MessageSource messages) {
        this.schedule = schedule;
        this.targets = targets;
        this.roster = roster;
        this.units = units;
        this.messages = messages;
    }

    /** A field asked for that the roster holds, with the roster's column. */
    private record Held(CollectionField field, TeacherField column) {
    }

    @Transactional(readOnly = true)
    Optional<RosterFinding> finding(DataCollection collection) {
        var held = held(collection);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RosterFinding(held.stream().map(h -> h.field().name()).toList(),
                held.stream().filter(h -> h.column().suppliable()).map(h -> h.field().name()).toList(),
                held.stream().anyMatch(h -> !h.column().suppliable())));
    }

    /** The fields a collection of teachers asks for that the roster holds, in the order asked, each once. */
    private List<Held> held(DataCollection collection) {
        if (collection.respondent() != Respondent.TEACHERS) {
            return List.of();
        }
        var ids = collection.fields().stream().map(CollectionField::dictionaryFieldId).filter(Objects::nonNull).distinct().toList();
        var columns = schedule.rosterFields(ids);
        var held = new LinkedHashMap<TeacherField, Held>();
        for (var field : collection.fields()) {
            var column = field.dictionaryFieldId() == null ? null : columns.get(field.dictionaryFieldId());
            if (column != null) {
                held.putIfAbsent(column, new Held(field, column));
            }
        }
        return List.copyOf(held.values());
    }

    /**
     * Whether this person may take the pre-filled file: the arranging office (who hands it over) and the requesting
     * department (who receives it), and only for a collection of teachers asking for fields the roster can give.
     */
    boolean downloadableBy(AccountPrincipal me, DataCollection collection) {
        var arranging = collection.arrangingUnitId() == me.unitId()
                && (CollectionRegister.PREPARERS.contains(me.role()) || CollectionRegister.DECIDERS.contains(me.role()));
        var requesting = collection.requestingUnitId() == me.unitId() && CollectionRegister.REGISTRANTS.contains(me.role());
        return arranging || requesting;
    }

    /** The file: one row per teacher of the target schools in the roster, school by school, the asked fields pre-filled. */
    @Transactional(readOnly = true)
    OfficeTable table(AccountPrincipal me, DataCollection collection, Locale locale) {
        if (!downloadableBy(me, collection)) {
            throw new AccessDeniedException("the pre-filled file of collection " + collection.id() + " is not " + me.username() + "'s");
        }
        var columns = held(collection).stream().filter(h -> h.column().suppliable()).toList();
        if (columns.isEmpty()) {
            throw new CollectionNotFoundException("pre-filled file of collection " + collection.id());
        }
        var schools = targets.schools(collection).stream().map(SchoolPlace::id).toList();
        var teachers = roster.teachersOf(schools);
        Map<Long, String> schoolNames = units.byIds(teachers.stream().map(Teacher::schoolId).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        var rows = new ArrayList<List<String>>(teachers.size());
        var n = 1;
        for (var teacher : teachers) {
            var row = new ArrayList<String>(columns.size() + 1);
            row.add(Integer.toString(n++));
            for (var column : columns) {
                row.add(value(teacher, column.column(), schoolNames));
            }
            rows.add(row);
        }
        var headers = new ArrayList<String>();
        headers.add(msg(locale, "collection.export.number"));
        columns.forEach(c -> headers.add(c.field().name()));
        var widths = new int[headers.size()];
        widths[0] = 6;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = columns.get(i - 1).column() == TeacherField.SCHOOL ? 30 : 16;
        }
        return new OfficeTable(msg(locale, "collection.export.prefilled.title", collection.title()),
                msg(locale, "collection.export.prefilled.subtitle", units.get(collection.arrangingUnitId()).name(), schools.size(),
                        teachers.size()),
                headers, rows, widths);
    }

    /** A roster value; the identity number has no case here: it is never suppliable. */
    private static String value(Teacher teacher, TeacherField column, Map<Long, String> schoolNames) {
        var value = switch (column) {
            case TEACHER_NUMBER -> teacher.teacherNumber();
            case NAME -> teacher.name();
            case SCHOOL -> schoolNames.get(teacher.schoolId());
            case STAGE -> teacher.stage();
            case SUBJECT -> teacher.subject();
            case POST -> teacher.post();
            case IDENTITY_NUMBER -> throw new IllegalStateException("the roster never gives out identity numbers");
        };
        return value == null ? "" : value;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
