-- What an official copy names, kept with it as it was sealed (the unit may be renamed later): the reporting unit and the
-- document's title, which the public verification page shows without reading the ledger.
alter table document_official_copy add column unit_name varchar(200) not null default '';
alter table document_official_copy add column title varchar(300) not null default '';
alter table document_official_copy alter column unit_name drop default;
alter table document_official_copy alter column title drop default;

-- The verification result of each copy, checked right after sealing and again whenever its seal changes state (revoked),
-- so that the city's review pages show it without verifying files on every view.
alter table document_official_copy add column verdict varchar(16) not null default 'INTACT'
    check (verdict in ('INTACT', 'ALTERED', 'REVOKED', 'UNTRUSTED', 'UNSIGNED', 'UNREADABLE'));
alter table document_official_copy add column verified_at timestamptz;
alter table document_official_copy alter column verdict drop default;
