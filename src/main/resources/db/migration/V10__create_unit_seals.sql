-- A unit's electronic seal image. Seals are never overwritten: a new image is a new row, and a signed
-- ledger keeps pointing at the seal it was signed with.
create table unit_seal (
    id           bigint generated always as identity primary key,
    unit_id      bigint      not null references unit (id),
    content_type text        not null check (content_type in ('image/png', 'image/jpeg')),
    content      bytea       not null check (octet_length(content) <= 2097152),
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index unit_seal_unit on unit_seal (unit_id, id desc);

alter table ledger add column seal_id bigint references unit_seal (id);
