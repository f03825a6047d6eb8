-- API write scope and clients of the identity provider.
-- A token reads only, unless the security admin granted it the roster write when issuing it.
alter table api_token add column roster_write boolean not null default false;

-- A client of a configured identity provider (OAuth2 client credentials), registered by a security admin to a unit's
-- subtree before any of its tokens is accepted; read-only unless granted the roster write.
create table api_client (
    id            bigint      generated always as identity primary key,
    provider      text        not null check (length(provider) between 1 and 100),
    client_id     text        not null check (length(client_id) between 1 and 200),
    name          text        not null check (length(name) between 1 and 100),
    unit_id       bigint      not null references unit (id),
    roster_write  boolean     not null default false,
    registered_by text        not null,
    registered_at timestamptz not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);

create unique index api_client_registered on api_client (provider, client_id) where revoked_at is null;
create index api_client_unit on api_client (unit_id);
