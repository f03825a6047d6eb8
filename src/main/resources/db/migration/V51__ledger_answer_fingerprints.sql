-- Fingerprints of the answers, so the quality page finds an answer's near-identical answers in other districts by index
-- instead of reading every answer of the round on every view (issue 15, point 2). An answer's fingerprint is the prefix
-- of its character pairs in a fixed order (AnswerQuality.prefix): two answers that are near-identical always share a
-- pair of their prefixes, so the answers sharing one are the only candidates, and each is then compared in full.
--
-- The pairs are computed by the application (its normalisation of the text is Java's), when an answer is saved and, for
-- answers written any other way (this migration's existing rows, an import by hand-written SQL), by the start-up
-- backfill (AnswerFingerprints). The trigger below marks an answer not fingerprinted whenever its text or status
-- changes, whatever code changes it, and drops its old pairs: the quality page compares such answers in full, so a
-- missing fingerprint costs time, never a warning.
create table ledger_answer_token (
    round_id       bigint not null,
    requirement_id bigint not null,
    token          int    not null,
    entry_id       bigint not null references ledger_entry (id) on delete cascade,
    ledger_id      bigint not null,
    grams          int    not null,
    primary key (round_id, requirement_id, token, entry_id)
);
create index ledger_answer_token_entry on ledger_answer_token (entry_id);

alter table ledger_entry add column fingerprinted boolean not null default false;
-- Nothing to compare: marked done. The others wait for the backfill.
update ledger_entry set fingerprinted = true where text = '' or status = 'NOT_APPLICABLE';
create index ledger_entry_not_fingerprinted on ledger_entry (ledger_id) where not fingerprinted;

create function ledger_entry_fingerprint_stale() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.text is not distinct from old.text and new.status is not distinct from old.status then
            return new;
        end if;
        delete from ledger_answer_token where entry_id = old.id;
    end if;
    new.fingerprinted := new.text is null or new.text = '' or new.status is not distinct from 'NOT_APPLICABLE';
    return new;
end $$;

create trigger ledger_entry_fingerprint_stale before insert or update of text, status on ledger_entry
    for each row execute function ledger_entry_fingerprint_stale();
