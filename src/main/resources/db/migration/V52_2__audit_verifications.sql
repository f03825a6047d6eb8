-- Checks of the audit chain an audit admin started (issue 15): they run in the background, so the audit page shows the
-- last one's outcome (when, by whom, rows checked, the first broken row) instead of walking the whole chain on a view.
create table audit_verification (
    id               bigint generated always as identity primary key,
    started_at       timestamptz not null,
    started_by       text        not null,
    finished_at      timestamptz,
    rows_checked     bigint,
    intact           boolean,
    first_broken_seq bigint,
    problem          text,
    restore_seqs     bigint[],
    restore_ats      timestamptz[]
);
