package org.jianfu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jianfu.teacher.TeacherField;
import org.jianfu.unit.SchoolStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the arranged collections by deadline (a school's load per semester, its calendar, a commission's arranged list)
 * and for the roster columns of dictionary fields: reads of this module's tables.
 */
@Repository
class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An arranged collection as the load, the calendar and the arranged list read it.
     *
     * @param named whether it names its schools (then {@link #namedSchools} gives them); otherwise it reaches every school of
     *        its arranging commission's area its stages reach
     */
    record Scheduled(long id, String title, CollectionKind kind, long requestingUnitId, long arrangingUnitId, Set<SchoolStage> stages,
            boolean named, Respondent respondent, LocalDate opensOn, LocalDate dueOn, int minutesPerSchool, int minutesPerTeacher,
            String basis) {
    }

    /**
     * The collections the commissions arranged whose deadline falls between the days (both included), {@code except} left
     * out, by deadline.
     */
    List<Scheduled> arrangedDue(Collection<Long> arrangingUnitIds, LocalDate from, LocalDate to, long except) {
        return jdbc.sql("""
                select c.id, c.title, c.kind, c.requesting_unit_id, c.arranging_unit_id, c.target_stages, c.respondent, c.opens_on,
                    c.due_on, c.minutes_per_school, c.minutes_per_teacher, c.basis,
                    exists (select 1 from collection_school s where s.collection_id = c.id) as named
                from collection c
                where c.arranging_unit_id = any(:arrangers) and c.state = 'ARRANGED' and c.due_on between :from and :to and c.id <> :except
                order by c.due_on, c.id""")
                .param("arrangers", arrangingUnitIds.toArray(Long[]::new)).param("from", from).param("to", to).param("except", except)
                .query((rs, n) -> new Scheduled(rs.getLong("id"), rs.getString("title"), CollectionKind.valueOf(rs.getString("kind")),
                        rs.getLong("requesting_unit_id"), rs.getLong("arranging_unit_id"), CollectionRepository.split(rs.getString("target_stages")),
                        rs.getBoolean("named"), Respondent.valueOf(rs.getString("respondent")), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getInt("minutes_per_school"), rs.getInt("minutes_per_teacher"),
                        rs.getString("basis")))
                .list();
    }

    /** The schools each of the collections names, by collection. */
    Map<Long, List<Long>> namedSchools(Collection<Long> collectionIds) {
        var schools = new HashMap<Long, List<Long>>();
        if (collectionIds.isEmpty()) {
            return schools;
        }
        jdbc.sql("select collection_id, school_id from collection_school where collection_id = any(?)")
                .param(collectionIds.toArray(Long[]::new)).query(rs -> {
                    schools.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                });
        return schools;
    }

    /** The roster column that holds each of the dictionary fields, for those the roster holds. */
    Map<Long, TeacherField> rosterFields(Collection<Long> dictionaryFieldIds) {
        var fields = new HashMap<Long, TeacherField>();
        if (dictionaryFieldIds.isEmpty()) {
            return fields;
        }
        jdbc.sql("select id, roster_field from collection_dictionary_field where id = any(?) and roster_field is not null")
                .param(dictionaryFieldIds.toArray(Long[]::new)).query(rs -> {
                    fields.put(rs.getLong(1), TeacherField.valueOf(rs.getString(2)));
                });
        return fields;
    }

}
