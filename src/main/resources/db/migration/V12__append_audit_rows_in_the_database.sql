-- Audit rows are appended by the database: one call locks the chain head, hashes the new row, inserts it
-- and moves the head, so a change and its audit row can be written in one statement (one round trip)
-- instead of a locking read, a hash in Java and an insert. AuditTrail.verify() still recomputes every
-- hash in Java with AuditChain.hash; AuditChainTests prove that both compute the same hash.

-- The hash of AuditChain.hash: SHA-256 over every field written as "<length>:<value>" ("-1:" for null)
-- in column order, then the previous hash. Lengths are Java's: UTF-16 code units, so a character beyond
-- the Basic Multilingual Plane (an emoji, a rare CJK ideograph) counts twice. The time is written as
-- Java's Instant.toString writes it: UTC, seconds always, a fraction of 3 or 6 digits only when non-zero.
create function audit_hash(seq bigint, occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before text, after text, prev_hash text) returns text
    language plpgsql stable as $$
declare
    utc constant timestamp := occurred_at at time zone 'UTC';
    micros constant int := extract(microseconds from utc)::int % 1000000;
    input text := '';
    value text;
begin
    foreach value in array array[seq::text,
            to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
                || case when micros = 0 then ''
                        when micros % 1000 = 0 then '.' || lpad((micros / 1000)::text, 3, '0')
                        else '.' || lpad(micros::text, 6, '0') end
                || 'Z',
            actor_account_id::text, actor_username, actor_unit_id::text, actor_unit_name, action, object_type,
            object_id, before, after, prev_hash] loop
        if value is null then
            input := input || '-1:';
        else
            input := input
                || char_length(value) + case when value ~ '[\U00010000-\U0010FFFF]'
                    then char_length(value) - char_length(regexp_replace(value, '[\U00010000-\U0010FFFF]', '', 'g'))
                    else 0 end
                || ':' || value;
        end if;
    end loop;
    return encode(sha256(convert_to(input, 'UTF8')), 'hex');
end;
$$;

-- Appends one audit row at the end of the chain and returns its sequence number. The head row is locked
-- until the calling transaction ends, so concurrent writers (several application instances included)
-- still form a single line; the caller's statement or transaction commits or rolls back the row together
-- with the change it records.
create function audit_append(occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_id text,
        before json, after json) returns bigint
    language plpgsql as $$
declare
    head audit_chain_head%rowtype;
    next_hash text;
begin
    select * into strict head from audit_chain_head where id = 1 for update;
    next_hash := audit_hash(head.last_seq + 1, occurred_at, actor_account_id, actor_username, actor_unit_id,
        actor_unit_name, action, object_type, object_id, before::text, after::text, head.last_hash);
    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, prev_hash, hash)
    values (head.last_seq + 1, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
        action, object_type, object_id, before, after, head.last_hash, next_hash);
    update audit_chain_head set last_seq = head.last_seq + 1, last_hash = next_hash where id = 1;
    return head.last_seq + 1;
end;
$$;
