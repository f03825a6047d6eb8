-- A notification is addressed to a unit and to the roles of that unit that can act on it; the system and
-- audit admins of the unit see none of them.
alter table notification add column roles text[];
-- What the notifications written before were for: a district's ledger (its reporter and approver), or a
-- flagged visit (the district's or the city's people who read the visit list).
update notification n set roles = case
        when n.kind <> 'VISIT_FLAGGED' then array['DISTRICT_REPORTER', 'DISTRICT_APPROVER']
        when u.type = 'CITY' then array['CITY_ADMIN', 'SUPERVISOR']
        else array['DISTRICT_REPORTER', 'DISTRICT_APPROVER', 'SUPERVISOR'] end
    from unit u where u.id = n.unit_id;
update notification set roles = array[]::text[] where roles is null;
alter table notification alter column roles set not null;
-- The unit or person a notification comes from, for its message (e.g. the district that signed off).
alter table notification add column source text;

-- Reminders the city sent by hand (催报), at most one per ledger and day: the key decides, so two clicks or
-- two instances at once send one.
create table ledger_chase (
    ledger_id bigint      not null references ledger (id),
    sent_on   date        not null,
    sent_at   timestamptz not null,
    sent_by   text        not null,
    primary key (ledger_id, sent_on)
);
