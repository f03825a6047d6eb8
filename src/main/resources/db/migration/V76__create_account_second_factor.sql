-- A second factor (TOTP, RFC 6238) per account: the shared secret, the last time step used (a code is accepted
-- once), and one-time recovery codes kept as SHA-256 hashes.
create table account_second_factor (
    account_id   bigint      primary key references account (id),
    secret       text        not null,
    last_step    bigint      not null default 0,
    enrolled_at  timestamptz not null
);

create table account_recovery_code (
    account_id   bigint      not null references account (id),
    code_hash    text        not null,
    used_at      timestamptz,
    primary key (account_id, code_hash)
);

-- The security admin's policies, changed at run time and audited (one row per setting).
create table security_setting (
    name         text        primary key,
    value        text        not null,
    changed_by   text,
    changed_at   timestamptz
);
