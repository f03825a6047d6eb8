-- The data-collection register, continued (issue 16, points 4 and 5).

-- A school's load per semester (学期: 1 February to 31 July, 1 August to 31 January), set by a city admin: the
-- collections whose deadline falls in the semester and reach the school, and their estimated minutes (per school,
-- plus per teacher times the school's teachers in the roster). Above either limit, a new collection is flagged.
alter table collection_settings
    add column school_term_collections int not null default 10 check (school_term_collections between 1 and 1000),
    add column school_term_minutes     int not null default 6000 check (school_term_minutes between 1 and 1000000);

-- The roster column (teacher.TeacherField) that holds a dictionary field, when the teacher roster holds it: a
-- collection asking teachers for one of these is flagged, and the arranging office can hand the requesting department
-- the roster's values instead (never the identity number, which the roster holds only as a keyed hash).
alter table collection_dictionary_field
    add column roster_field text check (roster_field in ('TEACHER_NUMBER', 'NAME', 'SCHOOL', 'STAGE', 'SUBJECT', 'POST',
        'IDENTITY_NUMBER'));
create unique index collection_dictionary_field_roster on collection_dictionary_field (roster_field) where not retired;

insert into collection_dictionary_field (code, name, definition, value_type, allowed_values, source_system) values
('T.ID_NUMBER', '身份证件号码', '教师所持身份证件上的号码', 'TEXT', null, 'TEACHER_SYSTEM'),
('T.SCHOOL', '任职学校', '教师本学年任职的学校', 'TEXT', null, 'TEACHER_SYSTEM');

update collection_dictionary_field set roster_field = case code
    when 'T.NUMBER' then 'TEACHER_NUMBER'
    when 'T.NAME' then 'NAME'
    when 'T.SCHOOL' then 'SCHOOL'
    when 'T.STAGE' then 'STAGE'
    when 'T.SUBJECT' then 'SUBJECT'
    when 'T.POST' then 'POST'
    when 'T.ID_NUMBER' then 'IDENTITY_NUMBER' end
where code in ('T.NUMBER', 'T.NAME', 'T.SCHOOL', 'T.STAGE', 'T.SUBJECT', 'T.POST', 'T.ID_NUMBER');

-- The arranged collections whose deadline falls in a semester, by arranging commission: the load check and the
-- semester's arranged list; and the collections naming a school: its calendar.
create index collection_arranged_due on collection (arranging_unit_id, due_on) where state = 'ARRANGED';
create index collection_school_school on collection_school (school_id, collection_id);
