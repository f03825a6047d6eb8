-- A second, cheaper format for the audit hash, used for every row appended from now on.
-- Format 1 (V12's audit_hash) writes each field's length in Java's UTF-16 code units and the time as
-- Java's Instant.toString writes it. Making the database agree with that was most of the cost of
-- appending a row: a regular expression over both snapshots looking for characters beyond the Basic
-- Multilingual Plane, twelve character counts and to_char, in a PL/pgSQL function.
-- Format 2 starts with "2|", writes each field as "<length in UTF-8 bytes>:<value>" ("-1:" for null; the
-- length is stored with the value, so PostgreSQL does not count anything) and the time as microseconds
-- since 1970-01-01 UTC. It is one SQL expression, which PostgreSQL can inline into the statement that
-- calls it. Rows already written keep their format and hash; AuditChain.hash verifies each row by the
-- format it records, so the chain stays verifiable end to end.
alter table audit_event add column hash_format smallint not null default 1 check (hash_format in (1, 2));
alter table audit_event alter column hash_format drop default;

create function audit_hash_v2(seq bigint, occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before text, after text, prev_hash text) returns text
    language sql stable as $$
    select encode(sha256(convert_to(concat('2|',
        coalesce(octet_length(seq::text), -1), ':', seq::text,
        coalesce(octet_length((extract(epoch from occurred_at) * 1000000)::bigint::text), -1), ':',
            (extract(epoch from occurred_at) * 1000000)::bigint::text,
        coalesce(octet_length(actor_account_id::text), -1), ':', actor_account_id::text,
        coalesce(octet_length(actor_username), -1), ':', actor_username,
        coalesce(octet_length(actor_unit_id::text), -1), ':', actor_unit_id::text,
        coalesce(octet_length(actor_unit_name), -1), ':', actor_unit_name,
        coalesce(octet_length(action), -1), ':', action,
        coalesce(octet_length(object_type), -1), ':', object_type,
        coalesce(octet_length(object_id), -1), ':', object_id,
        coalesce(octet_length(before), -1), ':', before,
        coalesce(octet_length(after), -1), ':', after,
        coalesce(octet_length(prev_hash), -1), ':', prev_hash), 'UTF8')), 'hex')
$$;

-- The same append as V12's, hashing in format 2.
create or replace function audit_append(occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before json, after json) returns bigint
    language plpgsql as $$
declare
    appended bigint;
begin
    with head as (
        update audit_chain_head h set last_seq = h.last_seq + 1, prev_hash = h.last_hash,
            last_hash = audit_hash_v2(h.last_seq + 1, occurred_at, actor_account_id, actor_username, actor_unit_id,
                actor_unit_name, action, object_type, object_id, before::text, after::text, h.last_hash)
        where h.id = 1
        returning h.last_seq, h.prev_hash, h.last_hash)
    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, prev_hash, hash, hash_format)
    select head.last_seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, head.prev_hash, head.last_hash, 2
    from head
    returning seq into strict appended;
    return appended;
end;
$$;
