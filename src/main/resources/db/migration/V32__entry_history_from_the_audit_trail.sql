-- An entry's saved versions are read from the audit trail from now on. Every save has always appended an
-- audit row ('ledger.entry-saved' on 'ledger-entry' <id>) with the whole entry before and after, so
-- ledger_entry_revision held a second copy of each version; writing it cost a third of a save's own work.
-- Nothing is dropped unless every revision has its audit row.
do $$
begin
    if exists (
        select 1 from ledger_entry_revision r
        where not exists (
            select 1 from audit_event a
            where a.object_type = 'ledger-entry' and a.action = 'ledger.entry-saved' and a.object_id = r.entry_id::text
              and (a.after ->> 'version')::int = r.version)) then
        raise exception 'a ledger entry revision has no audit row; its history would be lost';
    end if;
end;
$$;

-- A transition marked the history by the newest revision id at the time; it now marks it by the audit
-- trail's sequence number: the audit row of the newest save up to that revision.
update ledger_transition t set revision_mark = coalesce((
    select max(a.seq)
    from ledger_entry_revision r
    join audit_event a on a.object_type = 'ledger-entry' and a.action = 'ledger.entry-saved'
        and a.object_id = r.entry_id::text and (a.after ->> 'version')::int = r.version
    where r.id <= t.revision_mark), 0);

drop table ledger_entry_revision;
