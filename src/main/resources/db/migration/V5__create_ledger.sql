-- Ledger templates: versioned, three levels (matter -> key task -> requirement). A template that a round
-- has used is never changed again; a new year's template is a copy.
create table ledger_template (
    id          bigint generated always as identity primary key,
    year        int         not null,
    title       text        not null,
    version     int         not null,
    based_on_id bigint      references ledger_template (id),
    created_at  timestamptz not null,
    unique (year, version)
);

create table template_matter (
    id          bigint generated always as identity primary key,
    template_id bigint not null references ledger_template (id),
    position    int    not null,
    name        text   not null,
    unique (template_id, position)
);

create table template_key_task (
    id         bigint generated always as identity primary key,
    matter_id  bigint not null references template_matter (id),
    position   int    not null,
    name       text   not null,
    unique (matter_id, position)
);

create table template_requirement (
    id          bigint generated always as identity primary key,
    template_id bigint not null references ledger_template (id),
    key_task_id bigint not null references template_key_task (id),
    number      int    not null,
    text        text   not null,
    unique (template_id, number)
);

-- A ledger round: one year's collection from the units asked.
create table ledger_round (
    id          bigint generated always as identity primary key,
    template_id bigint      not null references ledger_template (id),
    year        int         not null,
    title       text        not null check (length(title) between 1 and 100),
    deadline    date        not null,
    state       text        not null check (state in ('OPEN', 'CLOSED')),
    opened_at   timestamptz not null,
    closed_at   timestamptz,
    version     int         not null default 0
);

-- One ledger per unit asked in a round. unit_id points into the unit module's table by id only.
create table ledger (
    id              bigint generated always as identity primary key,
    round_id        bigint      not null references ledger_round (id),
    unit_id         bigint      not null,
    state           text        not null check (state in ('DRAFT', 'PENDING_APPROVAL', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    contact_person  text        check (length(contact_person) <= 50),
    contact_phone   text        check (length(contact_phone) <= 30),
    started_at      timestamptz,
    submitted_at    timestamptz,
    accepted_at     timestamptz,
    version         int         not null default 0,
    unique (round_id, unit_id)
);
create index ledger_unit on ledger (unit_id);

-- What a unit wrote for one requirement: the current version; every saved version is in the revisions.
create table ledger_entry (
    id             bigint generated always as identity primary key,
    ledger_id      bigint      not null references ledger (id),
    requirement_id bigint      not null references template_requirement (id),
    status         text        check (status in ('IMPLEMENTED', 'PARTIAL', 'IN_PROGRESS', 'NOT_STARTED', 'NOT_APPLICABLE')),
    text           text        not null default '' check (length(text) <= 3000),
    na_reason      text        check (length(na_reason) <= 500),
    version        int         not null default 0,
    updated_at     timestamptz,
    updated_by     text,
    unique (ledger_id, requirement_id)
);

create table ledger_entry_revision (
    id          bigint generated always as identity primary key,
    entry_id    bigint      not null references ledger_entry (id),
    version     int         not null,
    status      text,
    text        text        not null,
    na_reason   text,
    saved_at    timestamptz not null,
    saved_by    text        not null,
    unique (entry_id, version)
);

-- Every workflow step, with who took it and the comment they gave. `revision_mark` is the newest entry
-- revision id when the step was taken, so "what changed since the return" does not depend on clocks.
create table ledger_transition (
    id            bigint generated always as identity primary key,
    ledger_id     bigint      not null references ledger (id),
    revision_mark bigint      not null,
    action      text        not null,
    from_state  text        not null,
    to_state    text        not null,
    comment     text,
    actor       text        not null,
    at          timestamptz not null
);
create index ledger_transition_ledger on ledger_transition (ledger_id, at);
