-- Format 3: the audit hash keyed with a secret the database does not hold. Anyone who can write to the
-- database could rewrite a row and recompute every later hash with audit_hash_v2; with format 3 they also
-- need the application's audit key, which lives in a file or an environment variable, never in the database.
-- Format 3 is HMAC-SHA256 over exactly the bytes format 2 hashes. It is written in core SQL (pgcrypto's
-- hmac() may be missing on an external server) as sha256(outer_pad || sha256(inner_pad || input)); the
-- application computes the two padded keys (the key xor 0x36 and xor 0x5c, 64 bytes each) and passes them
-- as parameters with every append, so the key is never stored in a table or a setting.
-- Rows already written keep their format; AuditChain verifies each by the format it records.
alter table audit_event drop constraint audit_event_hash_format_check;
alter table audit_event add constraint audit_event_hash_format_check check (hash_format in (1, 2, 3));

-- The bytes format 2 hashes (see V31's audit_hash_v2), for format 3 to key.
create function audit_hash_input(seq bigint, occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before text, after text, prev_hash text) returns bytea
    language sql stable as $$
    select convert_to(concat('2|',
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
        coalesce(octet_length(prev_hash), -1), ':', prev_hash), 'UTF8')
$$;

create function audit_hash_v3(seq bigint, occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before text, after text, prev_hash text, inner_pad bytea, outer_pad bytea) returns text
    language sql stable as $$
    select encode(sha256(outer_pad || sha256(inner_pad || audit_hash_input(seq, occurred_at, actor_account_id,
        actor_username, actor_unit_id, actor_unit_name, action, object_type, object_id, before, after, prev_hash))), 'hex')
$$;

-- The append without the key is gone, so a caller that does not pass it fails instead of writing format 2.
drop function audit_append(timestamptz, bigint, text, bigint, text, text, text, text, json, json);

-- The same append as V31's, hashing in format 3 with the padded key the caller passes.
create function audit_append(occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before json, after json, inner_pad bytea, outer_pad bytea) returns bigint
    language plpgsql as $$
declare
    appended bigint;
begin
    with head as (
        update audit_chain_head h set last_seq = h.last_seq + 1, prev_hash = h.last_hash,
            last_hash = audit_hash_v3(h.last_seq + 1, occurred_at, actor_account_id, actor_username, actor_unit_id,
                actor_unit_name, action, object_type, object_id, before::text, after::text, h.last_hash,
                inner_pad, outer_pad)
        where h.id = 1
        returning h.last_seq, h.prev_hash, h.last_hash)
    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, prev_hash, hash, hash_format)
    select head.last_seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, head.prev_hash, head.last_hash, 3
    from head
    returning seq into strict appended;
    return appended;
end;
$$;
