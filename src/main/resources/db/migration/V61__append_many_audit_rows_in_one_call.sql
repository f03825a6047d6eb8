-- Many audit rows of one action in one call, for a change that touches many objects in one statement (a roster import
-- adds, updates or marks as left a city's 150,000 teachers). audit_append moves the chain head once per row; within one
-- transaction every move leaves a row version that the next must step over, so n rows cost n^2/2 steps. This function
-- locks the head once, chains the rows in a loop exactly as audit_append hashes them (format 3), and moves the head once.
-- Rows are appended in the order of the arrays; it returns the sequence number of the last one (null when none).
create function audit_append_all(occurred_at timestamptz, actor_account_id bigint, actor_username text,
        actor_unit_id bigint, actor_unit_name text, action text, object_type text, object_ids text[],
        befores json[], afters json[], inner_pad bytea, outer_pad bytea) returns bigint
    language plpgsql as $$
declare
    n int := coalesce(array_length(object_ids, 1), 0);
    seq bigint;
    prev char(64);
    before_last char(64);
    hash char(64);
begin
    if n = 0 then
        return null;
    end if;
    if coalesce(array_length(befores, 1), 0) <> n or coalesce(array_length(afters, 1), 0) <> n then
        raise exception 'audit_append_all: % objects but % befores and % afters', n, array_length(befores, 1), array_length(afters, 1);
    end if;
    select h.last_seq, h.last_hash into strict seq, prev from audit_chain_head h where h.id = 1 for update;
    for i in 1 .. n loop
        seq := seq + 1;
        hash := audit_hash_v3(seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name, action,
            object_type, object_ids[i], befores[i]::text, afters[i]::text, prev, inner_pad, outer_pad);
        insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
            action, object_type, object_id, before, after, prev_hash, hash, hash_format)
        values (seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
            action, object_type, object_ids[i], befores[i], afters[i], prev, hash, 3);
        before_last := prev;
        prev := hash;
    end loop;
    update audit_chain_head h set last_seq = seq, prev_hash = before_last, last_hash = prev where h.id = 1;
    return seq;
end;
$$;
