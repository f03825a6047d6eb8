-- The city's summary workbook of a ledger round, prepared in the background and kept (issue 15, point 2): a national
-- round's workbook takes seconds to write, which no request should wait for. One row per round and scope unit (the unit
-- whose subtree the requester reads: a reader is only ever given the workbook built for their own unit), holding the last
-- prepared file and the preparation under way, if any. round_id and scope_unit_id point into the ledger and unit
-- modules' tables by id only.
create table summary_workbook (
    round_id          bigint      not null,
    scope_unit_id     bigint      not null,
    -- The preparation under way: claimed by the request that starts it (attempt + 1), cleared by the same attempt when it
    -- stores its file or fails; a claim older than the longest preparation is taken to be lost with its instance.
    attempt           int         not null default 0,
    preparing_since   timestamptz,
    preparing_by_name text,
    failed_at         timestamptz,
    -- The last prepared file, replaced whole by the next.
    prepared_at       timestamptz,
    prepared_by       text,
    prepared_by_name  text,
    ledger_count      int,
    -- Each ledger's change stamp as the file shows it (Ledgers.changeStamps), to count the ledgers changed since.
    ledger_ids        bigint[],
    ledger_stamps     bigint[],
    file_name         text,
    size_bytes        int,
    content           bytea,
    primary key (round_id, scope_unit_id),
    check ((prepared_at is null) = (content is null))
);
-- An .xlsx is a zip already: stored out of line as it is, without a second compression.
alter table summary_workbook alter column content set storage external;
