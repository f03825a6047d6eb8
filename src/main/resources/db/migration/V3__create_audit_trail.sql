-- The audit trail: append-only, hash-chained. Each row's hash covers its own fields and the previous
-- row's hash, so editing or deleting any row breaks the chain from that row on. `before` and `after`
-- are `json`, not `jsonb`, because json keeps the exact text that was hashed.
create table audit_event (
    seq               bigint primary key,
    occurred_at       timestamptz not null,
    actor_account_id  bigint,
    actor_username    text,
    actor_unit_id     bigint,
    actor_unit_name   text,
    action            text        not null,
    object_type       text,
    object_id         text,
    before            json,
    after             json,
    prev_hash         char(64)    not null,
    hash              char(64)    not null
);

create index audit_event_occurred_at on audit_event (occurred_at);
create index audit_event_actor on audit_event (actor_username);
create index audit_event_object on audit_event (object_type, object_id);

-- One row: the newest link of the chain. Writers lock it, so the chain stays a line when several
-- application instances write at once, and deleting the newest rows is detected too.
create table audit_chain_head (
    id        int      primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
