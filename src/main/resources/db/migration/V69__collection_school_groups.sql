-- The data-collection register's school load (issue 16, point 9): the enabled schools of each district, one row per
-- stage, with each school's teachers in the roster. The schools of a row bear the same area-wide collections, so a
-- collection reaching a whole area (the city's reaches 200,000 schools) counts the schools above the limits row by row,
-- by the number of teachers (width_bucket over teachers_sorted), instead of school by school. SchoolGroups keeps the rows
-- from the unit module's and the roster's change events; this fills them for the data already there.
create table collection_school_group (
    district_id     bigint not null references unit (id),
    stage           text   not null,
    school_ids      bigint[] not null,  -- ascending
    teachers        int[]    not null,  -- each school's active teachers in the roster, in the order of school_ids
    teachers_sorted int[]    not null,  -- the same numbers, ascending
    primary key (district_id, stage)
);

insert into collection_school_group (district_id, stage, school_ids, teachers, teachers_sorted)
select s.parent_id, s.stage, array_agg(s.id order by s.id), array_agg(coalesce(t.teachers, 0)::int order by s.id),
       array_agg(coalesce(t.teachers, 0)::int order by coalesce(t.teachers, 0))
from unit s
left join (select school_id, count(*) as teachers from teacher where state = 'ACTIVE' group by school_id) t on t.school_id = s.id
where s.type = 'SCHOOL' and s.enabled and s.stage is not null and s.parent_id is not null
group by s.parent_id, s.stage;
