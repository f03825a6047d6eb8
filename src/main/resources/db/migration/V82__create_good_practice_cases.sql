-- Good practice (requirement 24): districts submit cases, the city reviews them, and accepted ones are published on a public
-- page, each linked to the requirements it concerns (by their stable codes, 2021-01 … 2021-24).
create table practice_case (
    id                 bigint generated always as identity primary key,
    district_id        bigint      not null references unit (id),
    year               int         not null check (year between 2000 and 2100),
    title              text        not null check (length(title) between 1 and 200),
    summary            text        not null check (length(summary) between 1 and 500),
    body               text        not null check (length(body) between 1 and 20000),
    requirement_codes  text[]      not null check (cardinality(requirement_codes) >= 1),
    state              text        not null default 'DRAFT' check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED')),
    review_note        text        check (length(review_note) <= 2000),
    published_on       date,
    created_at         timestamptz not null,
    created_by         text        not null,
    version            int         not null default 0,
    constraint practice_published_has_date check ((state = 'PUBLISHED') = (published_on is not null))
);
create index practice_case_district on practice_case (district_id, year);
create index practice_case_published on practice_case (published_on desc) where state = 'PUBLISHED';
