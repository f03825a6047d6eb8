package org.jianfu.collection;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.unit.SchoolStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for collections, the schools and fields they name, their steps and the settings: tables this module owns. */
@Repository
class CollectionRepository {

    private final JdbcClient jdbc;

    CollectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- collections

    long insert(long requestingUnitId, long arrangingUnitId, CollectionForm form, String actor, Instant now) {
        var id = jdbc.sql("""
                insert into collection (requesting_unit_id, arranging_unit_id, requesting_office, kind, title, purpose, basis,
                    target_stages, respondent, frequency, opens_on, due_on, minutes_per_school, minutes_per_teacher, compulsory,
                    statistics_approval_no, statistics_approved_on, state, submitted_at, submitted_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) returning id""")
                .params(requestingUnitId, arrangingUnitId, form.requestingOfficeOrNull(), form.kind().name(), form.title().strip(),
                        form.purpose().strip(), form.basis().strip(), join(form.targetStagesOrEmpty()), form.respondent().name(),
                        form.frequency().name(), form.opensOn(), form.dueOn(), form.minutesPerSchool(), form.minutesPerTeacher(),
                        form.compulsory(), form.statisticsApprovalNoOrNull(), form.statisticsApprovedOn(), utc(now), actor)
                .query(Long.class).single();
        insertTargets(id, form);
        return id;
    }

    /** Replaces the fields of a collection still waiting to be prepared; false when the version is stale. */
    boolean update(long id, int expectedVersion, CollectionForm form) {
        var updated = jdbc.sql("""
                update collection set requesting_office = ?, kind = ?, title = ?, purpose = ?, basis = ?, target_stages = ?,
                    respondent = ?, frequency = ?, opens_on = ?, due_on = ?, minutes_per_school = ?, minutes_per_teacher = ?,
                    compulsory = ?, statistics_approval_no = ?, statistics_approved_on = ?, version = version + 1
                where id = ? and version = ? and state = 'SUBMITTED'""")
                .params(form.requestingOfficeOrNull(), form.kind().name(), form.title().strip(), form.purpose().strip(),
                        form.basis().strip(), join(form.targetStagesOrEmpty()), form.respondent().name(), form.frequency().name(),
                        form.opensOn(), form.dueOn(), form.minutesPerSchool(), form.minutesPerTeacher(), form.compulsory(),
                        form.statisticsApprovalNoOrNull(), form.statisticsApprovedOn(), id, expectedVersion)
                .update() == 1;
        if (updated) {
            jdbc.sql("delete from collection_school where collection_id = ?").param(id).update();
            jdbc.sql("delete from collection_field where collection_id = ?").param(id).update();
            insertTargets(id, form);
        }
        return updated;
    }

    private void insertTargets(long id, CollectionForm form) {
        for (var schoolId : form.schoolIdsOrEmpty()) {
            jdbc.sql("insert into collection_school (collection_id, school_id) values (?, ?)").params(id, schoolId).update();
        }
        var position = 0;
        for (var fieldId : form.fieldIdsOrEmpty()) {
            jdbc.sql("insert into collection_field (collection_id, position, dictionary_field_id) values (?, ?, ?)")
                    .params(id, ++position, fieldId).update();
        }
        for (var text : form.freeTexts()) {
            jdbc.sql("insert into collection_field (collection_id, position, free_text) values (?, ?, ?)")
                    .params(id, ++position, text).update();
        }
    }

    /** Maps a typed field of the collection to a dictionary field; false when there is no such typed field. */
    boolean mapField(long collectionId, long fieldRowId, long dictionaryFieldId, String actor) {
        return jdbc.sql("""
                update collection_field set dictionary_field_id = ?, mapped_by = ?
                where id = ? and collection_id = ? and free_text is not null""")
                .params(dictionaryFieldId, actor, fieldRowId, collectionId).update() == 1;
    }

    /** Moves the version on for a change of the collection's fields; false when the version is stale or the state moved. */
    boolean touch(long id, int expectedVersion, CollectionState state) {
        return jdbc.sql("update collection set version = version + 1 where id = ? and version = ? and state = ?")
                .params(id, expectedVersion, state.name()).update() == 1;
    }

    /** Moves the state on; {@code code} is the register code an arranged collection is issued with, null otherwise. */
    boolean moveState(long id, int expectedVersion, CollectionState from, CollectionState to, Long mergedIntoId, String reason,
            String code) {
        return jdbc.sql("""
                update collection set state = ?, merged_into_id = ?, decision_reason = ?, code = ?, version = version + 1
                where id = ? and version = ? and state = ?""")
                .params(to.name(), mergedIntoId, reason, code, id, expectedVersion, from.name()).update() == 1;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from collection where code = ?)").param(code).query(Boolean.class).single();
    }

    Optional<DataCollection> find(long id) {
        var schools = jdbc.sql("select school_id from collection_school where collection_id = ? order by school_id").param(id)
                .query(Long.class).list();
        var fields = jdbc.sql("""
                select f.id, f.position, f.dictionary_field_id, d.code, d.name, d.source_system, f.free_text, f.mapped_by
                from collection_field f left join collection_dictionary_field d on d.id = f.dictionary_field_id
                where f.collection_id = ? order by f.position""")
                .param(id)
                .query((rs, n) -> new CollectionField(rs.getLong("id"), rs.getInt("position"),
                        rs.getObject("dictionary_field_id", Long.class), rs.getString("code"), rs.getString("name"),
                        rs.getString("source_system") == null ? null : SourceSystem.valueOf(rs.getString("source_system")),
                        rs.getString("free_text"), rs.getString("mapped_by")))
                .list();
        return jdbc.sql("select * from collection where id = ?").param(id).query((rs, n) -> map(rs, schools, fields)).optional();
    }

    private static DataCollection map(ResultSet rs, List<Long> schools, List<CollectionField> fields) throws SQLException {
        return new DataCollection(rs.getLong("id"), rs.getLong("requesting_unit_id"), rs.getLong("arranging_unit_id"),
                rs.getString("requesting_office"), CollectionKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("purpose"), rs.getString("basis"), split(rs.getString("target_stages")), schools,
                Respondent.valueOf(rs.getString("respondent")), fields, Frequency.valueOf(rs.getString("frequency")),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class), rs.getInt("minutes_per_school"),
                rs.getInt("minutes_per_teacher"), rs.getBoolean("compulsory"), rs.getString("statistics_approval_no"),
                rs.getObject("statistics_approved_on", LocalDate.class), CollectionState.valueOf(rs.getString("state")),
                rs.getObject("merged_into_id", Long.class), rs.getString("decision_reason"), rs.getString("code"), instant(rs, "submitted_at"),
                rs.getString("submitted_by"), rs.getInt("version"));
    }

    boolean anyRegistered() {
        return jdbc.sql("select exists (select 1 from collection)").query(Boolean.class).single();
    }

    /** Teacher surveys and questionnaires an arranging commission has arranged whose window opens in the year. */
    int teacherSurveysArranged(long arrangingUnitId, int year) {
        return jdbc.sql("""
                select count(*) from collection
                where arranging_unit_id = ? and state = 'ARRANGED' and respondent = 'TEACHERS' and kind in ('SURVEY', 'QUESTIONNAIRE')
                  and opens_on >= ? and opens_on < ?""")
                .params(arrangingUnitId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).query(Integer.class).single();
    }

    /** A collection another may be merged into: arranged by the same commission. */
    record MergeTarget(long id, String title, LocalDate opensOn, LocalDate dueOn) {
    }

    /** The newest arranged collections of a commission, to merge another into (at most {@code limit}). */
    List<MergeTarget> mergeTargets(long arrangingUnitId, long except, int limit) {
        return jdbc.sql("""
                select id, title, opens_on, due_on from collection
                where arranging_unit_id = ? and state = 'ARRANGED' and id <> ? order by id desc limit ?""")
                .params(arrangingUnitId, except, limit)
                .query((rs, n) -> new MergeTarget(rs.getLong("id"), rs.getString("title"), rs.getObject("opens_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    // --- steps

    void step(long collectionId, CollectionStep.Kind step, String note, String actor, Instant now) {
        jdbc.sql("insert into collection_step (collection_id, step, note, acted_at, acted_by) values (?, ?, ?, ?, ?)")
                .params(collectionId, step.name(), note, utc(now), actor).update();
    }

    List<CollectionStep> steps(long collectionId) {
        return jdbc.sql("select step, note, acted_at, acted_by from collection_step where collection_id = ? order by id").param(collectionId)
                .query((rs, n) -> new CollectionStep(CollectionStep.Kind.valueOf(rs.getString("step")), rs.getString("note"),
                        instant(rs, "acted_at"), rs.getString("acted_by")))
                .list();
    }

    // --- the list

    /**
     * Which collections a list shows: {@code requestingUnitId} and {@code arrangingUnitId} scope it (neither: the whole
     * city); {@code waiting}, when set, keeps those waiting for that commission's step.
     */
    record Filter(Long requestingUnitId, Long arrangingUnitId, Integer year, CollectionState state, CollectionKind kind,
            Set<CollectionState> waiting, FiguresRepository.Rows rows) {
    }

    /** A row of the list. */
    record Row(long id, String title, CollectionKind kind, long requestingUnitId, Respondent respondent, LocalDate opensOn,
            LocalDate dueOn, CollectionState state, int flaggedFields) {
    }

    /** A page of the collections the filter keeps, newest first. */
    List<Row> rows(Filter filter, int offset, int limit) {
        var params = new HashMap<String, Object>();
        var where = where(filter, true, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                select c.id, c.title, c.kind, c.requesting_unit_id, c.respondent, c.opens_on, c.due_on, c.state,
                    (select count(*) from collection_field f where f.collection_id = c.id and f.dictionary_field_id is null) as flagged
                from collection c""" + where + " order by c.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title"), CollectionKind.valueOf(rs.getString("kind")),
                        rs.getLong("requesting_unit_id"), Respondent.valueOf(rs.getString("respondent")),
                        rs.getObject("opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        CollectionState.valueOf(rs.getString("state")), rs.getInt("flagged")))
                .list();
    }

    /** How many collections the filter keeps in each state, the state filter aside. */
    Map<CollectionState, Long> byState(Filter filter) {
        var params = new HashMap<String, Object>();
        var counts = new EnumMap<CollectionState, Long>(CollectionState.class);
        jdbc.sql("select c.state, count(*) as n from collection c" + where(filter, false, params) + " group by c.state")
                .params(params).query(rs -> {
                    counts.put(CollectionState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** The where clause of a filter: only the conditions it sets, so that each query is planned for what it asks. */
    private static String where(Filter f, boolean withState, Map<String, Object> params) {
        var where = new ArrayList<String>();
        if (f.requestingUnitId() != null) {
            where.add("c.requesting_unit_id = :requester");
            params.put("requester", f.requestingUnitId());
        }
        if (f.arrangingUnitId() != null) {
            where.add("c.arranging_unit_id = :arranger");
            params.put("arranger", f.arrangingUnitId());
        }
        if (f.year() != null) {
            where.add("c.opens_on >= :from and c.opens_on < :to");
            params.put("from", LocalDate.of(f.year(), 1, 1));
            params.put("to", LocalDate.of(f.year() + 1, 1, 1));
        }
        if (withState && f.state() != null) {
            where.add("c.state = :state");
            params.put("state", f.state().name());
        }
        if (f.kind() != null) {
            where.add("c.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.waiting() != null) {
            where.add(f.waiting().isEmpty() ? "false" : "c.state = any(:waiting)");
            params.put("waiting", f.waiting().stream().map(Enum::name).toArray(String[]::new));
        }
        where.addAll(FiguresRepository.where(f.rows(), params));
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    // --- settings

    CollectionSettings settings() {
        var departments = jdbc.sql("select unit_id from collection_statistics_department order by unit_id").query(Long.class).list();
        return jdbc.sql("select * from collection_settings where id = 1")
                .query((rs, n) -> new CollectionSettings(rs.getInt("teacher_survey_yearly_total"), rs.getInt("overlap_window_days"),
                        departments, new CollectionSettings.SchoolLoadLimit(rs.getInt("school_term_collections"), rs.getInt("school_term_minutes")),
                        instant(rs, "updated_at"), rs.getString("updated_by"), rs.getInt("version")))
                .single();
    }

    boolean updateSettings(int expectedVersion, int teacherSurveyYearlyTotal, int overlapWindowDays, List<Long> statisticsDepartmentIds,
            CollectionSettings.SchoolLoadLimit schoolLoad, String actor, Instant now) {
        var updated = jdbc.sql("""
                update collection_settings set teacher_survey_yearly_total = ?, overlap_window_days = ?, school_term_collections = ?,
                    school_term_minutes = ?, updated_at = ?, updated_by = ?, version = version + 1
                where id = 1 and version = ?""")
                .params(teacherSurveyYearlyTotal, overlapWindowDays, schoolLoad.collections(), schoolLoad.minutes(), utc(now), actor,
                        expectedVersion).update() == 1;
        if (updated) {
            jdbc.sql("delete from collection_statistics_department").update();
            for (var unitId : statisticsDepartmentIds) {
                jdbc.sql("insert into collection_statistics_department (unit_id) values (?)").param(unitId).update();
            }
        }
        return updated;
    }

    boolean isStatisticsDepartment(long unitId) {
        return jdbc.sql("select exists (select 1 from collection_statistics_department where unit_id = ?)").param(unitId)
                .query(Boolean.class).single();
    }

    // --- helpers

    private static String join(Set<SchoolStage> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The stages a collection names, as its row keeps them. */
    static Set<SchoolStage> split(String joined) {
        var values = EnumSet.noneOf(SchoolStage.class);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(SchoolStage::valueOf).forEach(values::add);
        }
        return values;
    }
}
