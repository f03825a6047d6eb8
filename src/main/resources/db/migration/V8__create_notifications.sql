-- Reminders the ledger module has sent, so each is sent once even with several application instances.
create table ledger_reminder (
    ledger_id bigint not null references ledger (id),
    kind      text   not null,
    sent_at   timestamptz not null,
    primary key (ledger_id, kind)
);

-- In-app notifications, addressed to a unit: everyone of that unit sees them.
create table notification (
    id          bigint generated always as identity primary key,
    unit_id     bigint      not null,
    kind        text        not null,
    subject     text        not null,
    link        text        not null,
    deadline    date,
    created_at  timestamptz not null
);
create index notification_unit on notification (unit_id, created_at desc);

create table notification_read (
    notification_id bigint not null references notification (id),
    account_id      bigint not null,
    read_at         timestamptz not null,
    primary key (notification_id, account_id)
);
