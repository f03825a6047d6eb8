create table account (
    id                    bigint generated always as identity primary key,
    username              text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name          text        not null check (length(display_name) between 1 and 50),
    unit_id               bigint      not null references unit (id),
    role                  text        not null check (role in ('CITY_ADMIN', 'DISTRICT_REPORTER', 'DISTRICT_APPROVER',
                                                               'DEPARTMENT_USER', 'SCHOOL_USER', 'SUPERVISOR',
                                                               'SYSTEM_ADMIN', 'AUDIT_ADMIN')),
    password_hash         text        not null,
    must_change_password  boolean     not null default true,
    enabled               boolean     not null default true,
    failed_login_count    int         not null default 0,
    locked_until          timestamptz,
    password_changed_at   timestamptz,
    last_login_at         timestamptz,
    created_at            timestamptz not null,
    version               int         not null default 0
);

create unique index account_username_unique on account (username);
create index account_unit on account (unit_id);
