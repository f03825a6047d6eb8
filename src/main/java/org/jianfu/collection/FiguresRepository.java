package org.jianfu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the register's ledger figures, each read for many districts at once (one query per kind of figure, whatever
 * their number), and the conditions that keep the rows a figure counts, for the list its link opens: the same SQL, so the
 * list shows what the figure counted.
 */
@Repository
class FiguresRepository {

    /**
     * A field caught as a duplicate (requirement 16, 一次采集多次使用), over a collection {@code c} and its field row
     * {@code f}: held by the teacher or the student-status system, or asked already by an arranged collection of the
     * same commission or the city, registered earlier and opening in the same year.
     */
    static final String CAUGHT_FIELD = """
            (exists (select 1 from collection_dictionary_field d
                     where d.id = f.dictionary_field_id and d.source_system in ('TEACHER_SYSTEM', 'STUDENT_SYSTEM'))
             or exists (select 1 from collection_field ef join collection o on o.id = ef.collection_id
                        where ef.dictionary_field_id = f.dictionary_field_id and o.id < c.id and o.state = 'ARRANGED'
                          and (o.arranging_unit_id = c.arranging_unit_id or o.arranging_unit_id = (select id from unit where parent_id is null))
                          and date_trunc('year', o.opens_on) = date_trunc('year', c.opens_on)))""";

    private final JdbcClient jdbc;

    FiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A commission's collections opening in a year, by what became of them. */
    record Arrangement(int registered, int arranged, int merged, int refused, int waiting, int statistics, int statisticsArranged,
            int statisticsApproved, int teacherSurveys) {
        static final Arrangement NONE = new Arrangement(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    Map<Long, Arrangement> arrangement(Collection<Long> commissionIds, int year) {
        var counts = new HashMap<Long, Arrangement>();
        jdbc.sql("""
                select arranging_unit_id, count(*) as registered,
                    count(*) filter (where state = 'ARRANGED') as arranged,
                    count(*) filter (where state = 'MERGED') as merged,
                    count(*) filter (where state = 'REFUSED') as refused,
                    count(*) filter (where state in ('SUBMITTED', 'PREPARED')) as waiting,
                    count(*) filter (where kind = 'STATISTICS') as statistics,
                    count(*) filter (where kind = 'STATISTICS' and state = 'ARRANGED') as statistics_arranged,
                    count(*) filter (where kind = 'STATISTICS' and state = 'ARRANGED' and statistics_approval_no is not null) as statistics_approved,
                    count(*) filter (where state = 'ARRANGED' and respondent = 'TEACHERS' and kind in ('SURVEY', 'QUESTIONNAIRE')) as teacher_surveys
                from collection where arranging_unit_id = any(:units) and opens_on >= :from and opens_on < :to
                group by arranging_unit_id""")
                .param("units", commissionIds.toArray(Long[]::new)).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(rs -> {
                    counts.put(rs.getLong("arranging_unit_id"), new Arrangement(rs.getInt("registered"), rs.getInt("arranged"),
                            rs.getInt("merged"), rs.getInt("refused"), rs.getInt("waiting"), rs.getInt("statistics"),
                            rs.getInt("statistics_arranged"), rs.getInt("statistics_approved"), rs.getInt("teacher_surveys")));
                });
        return counts;
    }

    /**
     * A commission's duplicate fields of the year: caught, and of them reused (their collection merged or refused, so not
     * asked again); the fields of the teacher information system asked, and of them issued to schools anyway.
     */
    record Duplicates(int caught, int reused, int teacherFields, int teacherFieldsIssued) {
        static final Duplicates NONE = new Duplicates(0, 0, 0, 0);
    }

    Map<Long, Duplicates> duplicates(Collection<Long> commissionIds, int year) {
        var counts = new HashMap<Long, Duplicates>();
        jdbc.sql("""
                select c.arranging_unit_id,
                    count(*) filter (where\s""" + CAUGHT_FIELD + """
                    ) as caught,
                    count(*) filter (where c.state in ('MERGED', 'REFUSED') and\s""" + CAUGHT_FIELD + """
                    ) as reused,
                    count(*) filter (where d.source_system = 'TEACHER_SYSTEM') as teacher_fields,
                    count(*) filter (where d.source_system = 'TEACHER_SYSTEM' and c.state = 'ARRANGED') as teacher_fields_issued
                from collection c
                join collection_field f on f.collection_id = c.id
                join collection_dictionary_field d on d.id = f.dictionary_field_id
                where c.arranging_unit_id = any(:units) and c.opens_on >= :from and c.opens_on < :to
                group by c.arranging_unit_id""")
                .param("units", commissionIds.toArray(Long[]::new)).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(rs -> {
                    counts.put(rs.getLong("arranging_unit_id"), new Duplicates(rs.getInt("caught"), rs.getInt("reused"),
                            rs.getInt("teacher_fields"), rs.getInt("teacher_fields_issued")));
                });
        return counts;
    }

    /**
     * The load on a district's enabled schools in a year: how many schools, and over all of them the collections issued to
     * them (the district's and the city's, as {@link Reach} says) and the minutes these cost each school and each teacher.
     * A school hangs directly below its district ({@code UnitType.SCHOOL}).
     */
    record Load(int schools, int issued, long schoolMinutes, long teacherMinutes) {
        static final Load NONE = new Load(0, 0, 0, 0);
    }

    /** @param above each district with the commissions whose collections reach its schools (itself and those above it) */
    Map<Long, Load> load(Map<Long, List<Long>> above, int year) {
        var districts = new ArrayList<Long>();
        var commissions = new ArrayList<Long>();
        above.forEach((district, ids) -> ids.forEach(id -> {
            districts.add(district);
            commissions.add(id);
        }));
        var loads = new HashMap<Long, Load>();
        // From the schools by district and stage (SchoolGroups, V69): an area-wide collection reaches every school of a
        // group its stages reach, so it counts once per group times the group's schools; only the collections naming their
        // schools are counted school by school. Matching every school with every collection took 122 ms for a page of 50
        // districts at national size.
        jdbc.sql("""
                with g as (
                    select district_id, stage, cardinality(school_ids) as schools from collection_school_group
                    where district_id = any(:units)),
                above as (select * from unnest(:districts::bigint[], :commissions::bigint[]) as a (district_id, commission_id)),
                c as (
                    select c.id, c.arranging_unit_id, c.target_stages, c.minutes_per_school, c.minutes_per_teacher,
                        exists (select 1 from collection_school cs where cs.collection_id = c.id) as named
                    from collection c
                    where c.state = 'ARRANGED' and c.opens_on >= :from and c.opens_on < :to
                        and c.arranging_unit_id in (select commission_id from above)),
                reached (stage, by) as (values REACHED),
                wide as (
                    select g.district_id, sum(g.schools) as issued, sum(g.schools * c.minutes_per_school) as school_minutes,
                        sum(g.schools * c.minutes_per_teacher) as teacher_minutes
                    from g join above a on a.district_id = g.district_id
                    join c on c.arranging_unit_id = a.commission_id and not c.named
                    join reached r on r.stage = g.stage and (c.target_stages = '' or string_to_array(c.target_stages, ',') && r.by)
                    group by g.district_id),
                named as (
                    select a.district_id, count(*) as issued, sum(c.minutes_per_school) as school_minutes,
                        sum(c.minutes_per_teacher) as teacher_minutes
                    from c join above a on a.commission_id = c.arranging_unit_id
                    join collection_school cs on cs.collection_id = c.id
                    join g on g.district_id = a.district_id
                    join collection_school_group sg on sg.district_id = g.district_id and sg.stage = g.stage and cs.school_id = any(sg.school_ids)
                    where c.named
                    group by a.district_id),
                counted as (select district_id, sum(schools) as schools from g group by district_id)
                select counted.district_id as id, counted.schools,
                    coalesce(wide.issued, 0) + coalesce(named.issued, 0) as issued,
                    coalesce(wide.school_minutes, 0) + coalesce(named.school_minutes, 0) as school_minutes,
                    coalesce(wide.teacher_minutes, 0) + coalesce(named.teacher_minutes, 0) as teacher_minutes
                from counted left join wide on wide.district_id = counted.district_id
                left join named on named.district_id = counted.district_id""".replace("REACHED", Reach.STAGES_REACHED_BY))
                .param("units", above.keySet().toArray(Long[]::new)).param("districts", districts.toArray(Long[]::new))
                .param("commissions", commissions.toArray(Long[]::new)).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(rs -> {
                    loads.put(rs.getLong("id"), new Load(rs.getInt("schools"), rs.getInt("issued"), rs.getLong("school_minutes"),
                            rs.getLong("teacher_minutes")));
                });
        return loads;
    }

    /**
     * The rows of a figure, as conditions on the list's collection {@code c}: teacher surveys arranged, collections with a
     * caught field, collections asking for a field the teacher system holds, collections issued to a district's schools.
     */
    record Rows(boolean teacherSurveys, boolean caught, SourceSystem held, Long issuedTo) {

        static final Rows ALL = new Rows(false, false, null, null);

        public boolean any() {
            return teacherSurveys || caught || held != null || issuedTo != null;
        }
    }

    static List<String> where(Rows rows, Map<String, Object> params) {
        var where = new ArrayList<String>();
        if (rows == null) {
            return where;
        }
        if (rows.teacherSurveys()) {
            where.add("c.state = 'ARRANGED' and c.respondent = 'TEACHERS' and c.kind in ('SURVEY', 'QUESTIONNAIRE')");
        }
        if (rows.caught()) {
            where.add("exists (select 1 from collection_field f where f.collection_id = c.id and " + CAUGHT_FIELD + ")");
        }
        if (rows.held() != null) {
            where.add("""
                    exists (select 1 from collection_field f join collection_dictionary_field d on d.id = f.dictionary_field_id
                            where f.collection_id = c.id and d.source_system = :held)""");
            params.put("held", rows.held().name());
        }
        if (rows.issuedTo() != null) {
            // only the commissions above the district can reach its schools: their collections first, by the arranging unit's
            // index, then each of those against the district's schools (not every collection of the country against them)
            where.add("c.arranging_unit_id = any(select unnest(string_to_array(trim(both '/' from t.path), '/')::bigint[]) from unit t"
                    + " where t.id = :issuedTo)");
            where.add("exists (select 1 from unit s where s.parent_id = :issuedTo and s.type = 'SCHOOL' and s.enabled"
                    + " and c.arranging_unit_id = any(" + Reach.COMMISSIONS_ABOVE + ") and " + Reach.REACHES + ")");
            params.put("issuedTo", rows.issuedTo());
        }
        return where;
    }
}
