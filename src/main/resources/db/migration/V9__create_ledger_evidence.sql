-- Optional evidence files of an entry (requirement 7: trace-keeping is never the measure of work).
-- Stored in PostgreSQL so that a backup of the database is a backup of everything.
create table ledger_evidence (
    id           bigint generated always as identity primary key,
    entry_id     bigint      not null references ledger_entry (id),
    file_name    text        not null check (length(file_name) between 1 and 200),
    content_type text        not null,
    size         bigint      not null check (size between 1 and 20971520),
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index ledger_evidence_entry on ledger_evidence (entry_id);
