-- The comment thread of one entry: the city's remarks on a requirement, the district's answers.
create table ledger_entry_comment (
    id          bigint generated always as identity primary key,
    entry_id    bigint      not null references ledger_entry (id),
    author      text        not null,
    author_name text        not null,
    unit_name   text        not null,
    body        text        not null check (length(body) between 1 and 2000),
    created_at  timestamptz not null
);
create index ledger_entry_comment_entry on ledger_entry_comment (entry_id, created_at);
