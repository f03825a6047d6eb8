-- What several application instances behind one load balancer must agree on lives here, not in memory.

-- Anonymous reports per sender and fixed time window (whitelist module). The sender is a keyed hash of
-- the address; the key is random, made for one window and deleted with it (cascade), so once a window has
-- ended nothing left in the database can be tested against an address.
create table anonymous_report_window (
    window_start timestamptz primary key,
    hash_key     bytea       not null
);
create table anonymous_report_count (
    window_start timestamptz not null references anonymous_report_window (window_start) on delete cascade,
    sender       char(64)    not null,
    reports      int         not null,
    primary key (window_start, sender)
);

-- Failed logins per client address (account module): the window starts at the first failure; at the
-- configured count the address is refused until the window ends.
create table login_failure_by_address (
    address     text        primary key check (length(address) <= 64),
    failures    int         not null,
    window_ends timestamptz not null
);
create index login_failure_by_address_window_ends on login_failure_by_address (window_ends);

-- Failed logins per attempted name and per address in fixed windows (audit module): the first ones of a
-- window get an audit row each; the rest are counted here (`unlisted`) and written as one summary row per
-- name or address once the window has ended.
create table login_failure_audit_count (
    kind         text        not null check (kind in ('name', 'address')),
    value        text        not null check (length(value) <= 100),
    window_start timestamptz not null,
    failures     int         not null,
    unlisted     int         not null default 0,
    primary key (kind, value, window_start)
);
create index login_failure_audit_count_window on login_failure_audit_count (window_start);

-- A counter that every instance's public page caches compare with their kept pages (whitelist module).
-- The database moves it whenever what a public page shows changes (a unit's name or state, an item that was
-- published), so no code path can forget it and no instance serves a page another instance has changed.
create table public_page_version (
    id      int    primary key check (id = 1),
    version bigint not null
);
insert into public_page_version (id, version) values (1, 0);

create function public_page_version_bump() returns trigger language plpgsql as $$
begin
    update public_page_version set version = version + 1 where id = 1;
    return null;
end;
$$;

create trigger unit_shown_on_public_pages after update of name, enabled, parent_id, type or delete on unit
    for each statement execute function public_page_version_bump();
create trigger whitelist_item_shown_on_public_pages after update or delete on whitelist_application
    for each row when (old.state = 'APPROVED') execute function public_page_version_bump();
