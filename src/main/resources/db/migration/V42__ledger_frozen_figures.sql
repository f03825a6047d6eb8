-- The register figures of a ledger as they stood when it was signed off: the sealed ledger, its files
-- and the city's summaries show these, not figures recomputed later. A ledger returned after sign-off
-- loses them with its seal; the next sign-off freezes them anew. Ledgers signed off before this version
-- have no row here and show live figures.
create table ledger_figures_frozen (
    ledger_id  bigint      primary key references ledger (id),
    frozen_at  timestamptz not null
);

-- One figure: what it backs (the requirement code), what it is (its key, matched with the live figure),
-- and how it reads (message key and arguments as a JSON array, numbers kept as numbers, so it renders
-- again in either language), with what it contradicts as the register declared it then.
create table ledger_frozen_figure (
    ledger_id        bigint  not null references ledger_figures_frozen (ledger_id) on delete cascade,
    position         int     not null,
    requirement_code text    not null,
    figure_key       text    not null,
    message_key      text    not null,
    arguments        jsonb   not null check (jsonb_typeof(arguments) = 'array'),
    link             text,
    alert            boolean not null,
    contradictions   jsonb   not null default '[]' check (jsonb_typeof(contradictions) = 'array'),
    primary key (ledger_id, position)
);
