-- Answer-quality warnings, computed when a ledger is submitted and kept so the city's dashboard can show
-- them without recomputing. A warning never blocks a submission.
create table ledger_entry_flag (
    id             bigint generated always as identity primary key,
    ledger_id      bigint not null references ledger (id),
    entry_id       bigint not null references ledger_entry (id),
    kind           text   not null check (kind in ('EMPTY', 'TOO_SHORT', 'COPIES_REQUIREMENT', 'SAME_AS_OTHER_UNIT',
                                                   'SAME_AS_OTHER_REQUIREMENT')),
    other_entry_id bigint references ledger_entry (id)
);
create index ledger_entry_flag_ledger on ledger_entry_flag (ledger_id);
