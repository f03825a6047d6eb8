package org.jianfu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jianfu.platform.Semester;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.RosterChanged;
import org.jianfu.unit.SchoolChanged;
import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Units;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enabled schools of each district by stage, with their teachers in the roster (the table this class owns, V69), and
 * the load of a collection reaching a whole area counted over them. The schools of one district and stage bear the same
 * area-wide collections; what sets them apart is their teachers and the collections naming them. So the schools above
 * the limits are counted group by group with a binary search over the teacher counts, and only the collections naming
 * schools are looked at school by school: at national size that is 15,000 groups instead of 200,000 schools. Kept up to
 * date inside the transaction of every change to a school or to the roster.
 */
@Component
class SchoolGroups {

    private final JdbcClient jdbc;
    private final Units units;
    private final Roster roster;

    SchoolGroups(JdbcClient jdbc, Units units, Roster roster) {
        this.jdbc = jdbc;
        this.units = units;
        this.roster = roster;
    }

    @EventListener
    void on(SchoolChanged changed) {
        rebuild(Set.of(changed.districtId()));
    }

    @EventListener
    void on(RosterChanged changed) {
        rebuild(Set.of(changed.districtId()));
    }

    /** Writes the groups of the districts again from their schools and the roster. */
    @Transactional
    void rebuild(Collection<Long> districtIds) {
        for (var districtId : districtIds) {
            var teachers = roster.countsBySchool(districtId);
            var byStage = new TreeMap<SchoolStage, List<SchoolPlace>>();
            units.enabledSchoolsUnder(districtId).stream().filter(s -> s.districtId() == districtId)
                    .forEach(s -> byStage.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(s));
            jdbc.sql("delete from collection_school_group where district_id = ?").param(districtId).update();
            byStage.forEach((stage, schools) -> {
                var ids = schools.stream().map(SchoolPlace::id).sorted().toArray(Long[]::new);
                var counts = Arrays.stream(ids).map(id -> teachers.getOrDefault(id, 0L).intValue()).toArray(Integer[]::new);
                var sorted = Arrays.stream(counts).sorted().toArray(Integer[]::new);
                jdbc.sql("insert into collection_school_group (district_id, stage, school_ids, teachers, teachers_sorted) values (?, ?, ?, ?, ?)")
                        .params(districtId, stage.name(), ids, counts, sorted).update();
            });
        }
    }

    /**
     * The load of a collection that names no schools, on every school of its area its stages reach: how many schools it
     * would take above the limit, and the heaviest few (by collections, then minutes, then id).
     *
     * @param everywhere whether its arranging commission is the root of the unit tree: then every district is in its area,
     *        and every commission's collections can reach its schools, and neither list need be read
     * @param districtIds the districts of its arranging commission's area
     * @param stages the stages of school it reaches
     * @param arrangers the commissions whose collections can reach those schools ({@link CollectionTargets#overlappingCommissions})
     * @param holding the arranging commission and those above it: their area-wide collections reach every school of the area
     */
    Optional<Over> over(DataCollection collection, boolean everywhere, Collection<Long> districtIds, Collection<SchoolStage> stages,
            Collection<Long> arrangers, Collection<Long> holding, Semester semester, CollectionSettings.SchoolLoadLimit limit,
            int first) {
        var heaviest = new ArrayList<LoadFinding.School>();
        var total = new long[] { 0 };
        jdbc.sql("""
                with others as (
                    select c.id, c.arranging_unit_id, c.target_stages, c.minutes_per_school as mps, c.minutes_per_teacher as mpt,
                        exists (select 1 from collection_school cs where cs.collection_id = c.id) as named
                    from collection c
                    where (:everywhere or c.arranging_unit_id = any(:arrangers)) and c.state = 'ARRANGED' and c.due_on between :from and :to
                        and c.id <> :except
                ), reached (stage, by) as (values REACHED
                ), wide as (
                    select o.arranging_unit_id as unit_id, r.stage, count(*)::int as n, sum(o.mps) as mps, sum(o.mpt) as mpt
                    from others o join reached r on o.target_stages = '' or string_to_array(o.target_stages, ',') && r.by
                    where not o.named
                    group by 1, 2
                ), held as (
                    select stage, sum(n)::int as n, sum(mps) as mps, sum(mpt) as mpt from wide where unit_id = any(:holding) group by stage
                ), groups as (
                    select g.district_id, g.stage, g.school_ids, g.teachers, g.teachers_sorted,
                        1 + coalesce(h.n, 0) + coalesce(w.n, 0) as n,
                        (:mps + coalesce(h.mps, 0) + coalesce(w.mps, 0))::bigint as mps,
                        (:mpt + coalesce(h.mpt, 0) + coalesce(w.mpt, 0))::bigint as mpt
                    from collection_school_group g
                    left join held h on h.stage = g.stage
                    left join wide w on w.unit_id = g.district_id and w.stage = g.stage and g.district_id <> all(:holding)
                    where (:everywhere or g.district_id = any(:districts)) and g.stage = any(:stages)
                ), named as (
                    select x.id, x.collections, x.minutes,
                        x.n > :collections or x.mps + x.mpt * x.teachers > :minutes as over_by_group,
                        x.collections > :collections or x.minutes > :minutes as over
                    from (
                        select s.id, g.n, g.mps, g.mpt, g.teachers[p.at] as teachers, g.n + nm.n as collections,
                            g.mps + nm.mps + (g.mpt + nm.mpt) * g.teachers[p.at] as minutes
                        from (select cs.school_id, count(*)::int as n, sum(o.mps) as mps, sum(o.mpt) as mpt
                              from others o join collection_school cs on cs.collection_id = o.id where o.named
                              group by cs.school_id) nm
                        join unit s on s.id = nm.school_id
                        join groups g on g.district_id = s.parent_id and g.stage = s.stage
                        cross join lateral (select array_position(g.school_ids, s.id) as at) p
                        where p.at is not null) x
                ), counted as (
                    select coalesce(sum(case
                        when n > :collections or mps > :minutes then cardinality(teachers_sorted)
                        when mpt = 0 then 0
                        else cardinality(teachers_sorted) - width_bucket(((:minutes - mps) / mpt)::int, teachers_sorted) end), 0)
                        - (select count(*) from named where over_by_group) + (select count(*) from named where over) as total
                    from groups
                ), bar as (
                    select n, mps + mpt * teachers_sorted[cardinality(teachers_sorted)] as minutes from groups
                    order by 1 desc, 2 desc offset :first - 1 limit 1
                ), candidates as (
                    select u.id, g.n as collections, g.mps + g.mpt * u.teachers as minutes
                    from groups g cross join lateral unnest(g.school_ids, g.teachers) as u (id, teachers)
                    where (not exists (select 1 from bar)
                            or (g.n, g.mps + g.mpt * g.teachers_sorted[cardinality(g.teachers_sorted)]) >= (select n, minutes from bar))
                        and not exists (select 1 from named x where x.id = u.id)
                    union all
                    select id, collections, minutes from named
                )
                select (select total from counted) as total, c.id, c.collections, c.minutes from candidates c
                where c.collections > :collections or c.minutes > :minutes
                order by c.collections desc, c.minutes desc, c.id limit :first""".replace("REACHED", Reach.STAGES_REACHED_BY))
                .param("everywhere", everywhere).param("arrangers", everywhere ? new Long[0] : arrangers.toArray(Long[]::new)).param("from", semester.first()).param("to", semester.last())
                .param("except", collection.id()).param("holding", holding.toArray(Long[]::new))
                .param("mps", collection.minutesPerSchool()).param("mpt", collection.minutesPerTeacher())
                .param("districts", everywhere ? new Long[0] : districtIds.toArray(Long[]::new)).param("stages", stages.stream().map(Enum::name).toArray(String[]::new))
                .param("collections", limit.collections()).param("minutes", limit.minutes()).param("first", first)
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    heaviest.add(new LoadFinding.School(rs.getLong("id"), null, rs.getInt("collections"), rs.getLong("minutes")));
                });
        return heaviest.isEmpty() ? Optional.empty() : Optional.of(new Over((int) total[0], heaviest));
    }

    /** How many schools go above the limit, and the heaviest few (their names not yet read). */
    record Over(int schools, List<LoadFinding.School> first) {
    }
}
