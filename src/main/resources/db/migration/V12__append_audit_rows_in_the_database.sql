-- Audit rows are appended by the database: one call locks the chain head, hashes the new row, inserts it
-- and moves the head, so a change and its audit row can be written in one statement (one round trip)
-- instead of a locking read, a hash in Java and an insert. AuditTrail.verify() still recomputes every
-- hash in Java with AuditChain.hash; AuditHashTests prove that both compute the same hash.

-- The hash of AuditChain.hash: SHA-256 over every field written as "<length>:<value>" ("-1:" for null)
-- in column order, then the previous hash. Lengths are Java's: UTF-16 code units, so a character beyond
-- the Basic Multilingual Plane (an emoji, a rare CJK ideograph) counts twice. Such characters are looked
-- for once; the common row without any is hashed in one expression, a row with some field by field. The
-- time is written as Java's Instant.toString writes it: UTC, seconds always, a fraction of 3 or 6 digits
-- only when it is not zero.
create function audit_hash(seq bigint, occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before text, after text, prev_hash text) returns text
    language plpgsql stable as $$
declare
    utc constant timestamp := occurred_at at time zone 'UTC';
    micros constant int := extract(microseconds from utc)::int % 1000000;
    instant constant text := to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when micros = 0 then ''
                when micros % 1000 = 0 then '.' || lpad((micros / 1000)::text, 3, '0')
                else '.' || lpad(micros::text, 6, '0') end
        || 'Z';
    input text := '';
    value text;
begin
    if concat(actor_username, actor_unit_name, action, object_type, object_id, before, after)
            !~ '[\U00010000-\U0010FFFF]' then
        return encode(sha256(convert_to(concat(
            coalesce(char_length(seq::text), -1), ':', seq::text,
            coalesce(char_length(instant), -1), ':', instant,
            coalesce(char_length(actor_account_id::text), -1), ':', actor_account_id::text,
            coalesce(char_length(actor_username), -1), ':', actor_username,
            coalesce(char_length(actor_unit_id::text), -1), ':', actor_unit_id::text,
            coalesce(char_length(actor_unit_name), -1), ':', actor_unit_name,
            coalesce(char_length(action), -1), ':', action,
            coalesce(char_length(object_type), -1), ':', object_type,
            coalesce(char_length(object_id), -1), ':', object_id,
            coalesce(char_length(before), -1), ':', before,
            coalesce(char_length(after), -1), ':', after,
            coalesce(char_length(prev_hash), -1), ':', prev_hash), 'UTF8')), 'hex');
    end if;
    foreach value in array array[seq::text, instant, actor_account_id::text, actor_username, actor_unit_id::text,
            actor_unit_name, action, object_type, object_id, before, after, prev_hash] loop
        input := input || case when value is null then '-1:'
            else char_length(value) * 2 - char_length(regexp_replace(value, '[\U00010000-\U0010FFFF]', '', 'g'))
                || ':' || value end;
    end loop;
    return encode(sha256(convert_to(input, 'UTF8')), 'hex');
end;
$$;

-- The head also keeps the hash before the newest, so that moving it is one UPDATE that computes the
-- new hash from the row it has locked: if another writer moved the head first, PostgreSQL re-evaluates
-- the SET list on their row, and the chain stays a single line.
alter table audit_chain_head add column prev_hash char(64);

-- Appends one audit row at the end of the chain and returns its sequence number. The head row stays
-- locked until the calling transaction ends, so concurrent writers (several application instances
-- included) still form a single line; the caller's statement or transaction commits or rolls back the
-- row together with the change it records.
create function audit_append(occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before json, after json) returns bigint
    language plpgsql as $$
declare
    appended bigint;
begin
    with head as (
        update audit_chain_head h set last_seq = h.last_seq + 1, prev_hash = h.last_hash,
            last_hash = audit_hash(h.last_seq + 1, occurred_at, actor_account_id, actor_username, actor_unit_id,
                actor_unit_name, action, object_type, object_id, before::text, after::text, h.last_hash)
        where h.id = 1
        returning h.last_seq, h.prev_hash, h.last_hash)
    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, prev_hash, hash)
    select head.last_seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, head.prev_hash, head.last_hash
    from head
    returning seq into strict appended;
    return appended;
end;
$$;

-- Audit rows are written on every change and read rarely, by an auditor. Compressing the before and
-- after snapshots (a few kilobytes with a ledger answer in them) cost a good share of every save, so
-- rows are kept uncompressed up to a page; larger ones are still compressed and moved out of line.
alter table audit_event set (toast_tuple_target = 8160);

-- The time of a row grows with its sequence number, so a block range index finds a period as well as a
-- B-tree does for the audit search, at a fraction of the cost of maintaining it on every append.
drop index audit_event_occurred_at;
create index audit_event_occurred_at on audit_event using brin (occurred_at);
