-- The teacher roster (教师名册, issues 16, 17 and 22): the minimal copy of the municipal teacher management information
-- system (requirement 17 makes it the single source of teacher data), imported from that system's Excel or CSV export.
-- The identity-card number is never stored: only a keyed hash (HMAC-SHA-256, key in jianfu.roster.key-file, which the
-- database never holds) to recognise the same person in a later import, and its last four characters for display.

-- One uploaded file: previewed first, then applied (or discarded, or superseded by a newer preview of the district).
-- The token ties the preview page to this file, so an old page cannot apply another upload.
create table roster_import (
    id            bigserial primary key,
    district_id   bigint       not null references unit (id),
    token         varchar(36)  not null,
    file_name     varchar(255) not null,
    file_sha256   char(64)     not null,
    state         varchar(12)  not null check (state in ('PREVIEWED', 'APPLIED', 'DISCARDED', 'SUPERSEDED')),
    previewed_by  varchar(200) not null,
    previewed_at  timestamptz  not null,
    applied_by    varchar(200),
    applied_at    timestamptz,
    rows_read     int          not null,
    added         int          not null,
    updated       int          not null,
    unchanged     int          not null,
    leaving       int          not null,
    problems      int          not null
);

create index roster_import_district on roster_import (district_id, id desc);

-- What a preview found, one row per change or problem (unchanged teachers are only counted): ADD, UPDATE and LEAVE
-- rows are what applying writes; PROBLEM rows block applying. Once applied, a teacher's rows are its import history.
create table roster_import_row (
    import_id       bigint       not null references roster_import (id) on delete cascade,
    position        int          not null,
    row_number      int,
    action          varchar(8)   not null check (action in ('ADD', 'UPDATE', 'LEAVE', 'PROBLEM')),
    teacher_id      bigint,
    teacher_version int,
    teacher_number  varchar(40),
    name            varchar(100),
    school_name     varchar(200),
    school_id       bigint,
    stage           varchar(40),
    subject         varchar(60),
    post            varchar(60),
    id_hash         char(64),
    id_tail         varchar(4),
    changes         varchar(200),
    problem         varchar(60),
    problem_detail  varchar(200),
    primary key (import_id, position)
);

create index roster_import_row_teacher on roster_import_row (teacher_id) where teacher_id is not null;

-- One teacher. teacher_number is unique within the city; district_id is the school's district, kept for scope.
create table teacher (
    id             bigserial primary key,
    teacher_number varchar(40)  not null unique,
    name           varchar(100) not null,
    school_id      bigint       not null references unit (id),
    district_id    bigint       not null references unit (id),
    stage          varchar(40),
    subject        varchar(60),
    post           varchar(60),
    id_hash        char(64),
    id_tail        varchar(4),
    state          varchar(8)   not null default 'ACTIVE' check (state in ('ACTIVE', 'LEFT')),
    import_id      bigint       not null references roster_import (id),
    imported_at    timestamptz  not null,
    version        int          not null default 0
);

-- The lists: a district's or a school's teachers by number; the search by the start of a name or a number.
create index teacher_district_number on teacher (district_id, teacher_number);
create index teacher_school_number on teacher (school_id, teacher_number);
create index teacher_number_prefix on teacher (teacher_number text_pattern_ops);
create index teacher_name_prefix on teacher (name text_pattern_ops);
create index teacher_id_hash on teacher (id_hash) where id_hash is not null;
