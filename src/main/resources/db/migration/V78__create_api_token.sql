-- API tokens for the education data platform: issued by a security admin, scoped to a unit's subtree, expiring,
-- kept as SHA-256 hashes (the token is shown once, when it is issued).
create table api_token (
    id           bigint      generated always as identity primary key,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   text        not null unique,
    unit_id      bigint      not null references unit (id),
    issued_by    text        not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_token_unit on api_token (unit_id);
