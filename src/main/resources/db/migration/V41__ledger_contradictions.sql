-- Contradictions between a district's answer and the register figures beside it (issue 14). They are
-- computed, not stored, while a ledger is being written; the district approver acknowledges each with a
-- note before signing off. An acknowledgement holds for one submission (the SUBMIT step it follows) and
-- one content (the fingerprint of both sides): a resubmission or a changed answer or figure needs a new one.
create table ledger_contradiction_acknowledgement (
    id              bigint generated always as identity primary key,
    ledger_id       bigint      not null references ledger (id),
    submission_id   bigint      not null references ledger_transition (id),
    fingerprint     text        not null,
    note            text        not null check (length(note) between 1 and 500),
    acknowledged_by text        not null,
    acknowledged_by_name text   not null,
    acknowledged_at timestamptz not null,
    unique (ledger_id, submission_id, fingerprint)
);

-- The contradictions as they stood at sign-off, with their acknowledgement notes, so the city reads a
-- signed ledger's flags without recomputing them (the register may have changed since). Replaced at the
-- next sign-off.
create table ledger_signed_contradiction (
    id                 bigint generated always as identity primary key,
    ledger_id          bigint      not null references ledger (id),
    requirement_id     bigint      not null references template_requirement (id),
    fingerprint        text        not null,
    figure_key         text        not null,
    figure_message_key text        not null,
    figure_arguments   jsonb       not null, -- the label's arguments, numbers kept as numbers for its plural forms
    kind               text        not null check (kind in ('STATUS', 'DENIAL', 'DATE')),
    answer_words       text,
    answer_status      text,
    reason_key         text,
    note               text        not null,
    acknowledged_by_name text      not null,
    acknowledged_at    timestamptz not null,
    position           int         not null
);
create index ledger_signed_contradiction_ledger on ledger_signed_contradiction (ledger_id, position);
