-- Issuing arranged collections (requirement 14): an arranged collection carries a code a school can check, its target
-- schools answer it, and a collection that reached a school without a code is reported through the one mechanism of
-- anonymous reports (the whitelist's reports, which gain the kind UNCODED_COLLECTION).

-- The register code: eight characters of an alphabet without look-alikes, random (a school cannot guess a valid one),
-- printed as two groups of four like the whitelist's verification code. Only an arranged collection has one.
alter table collection add column code char(8);
do $$
declare
    arranged record;
begin
    for arranged in select id from collection where state = 'ARRANGED' loop
        update collection
        set code = (select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + floor(random() * 31)::int, 1), '')
                    from generate_series(1, 8))
        where id = arranged.id;
    end loop;
end $$;
alter table collection add constraint collection_code_only_when_arranged check ((state = 'ARRANGED') = (code is not null));
create unique index collection_code on collection (code) where code is not null;
-- the collections a school must answer: arranged ones of its district and of the city
create index collection_issued on collection (arranging_unit_id, opens_on) where state = 'ARRANGED';

-- A target school's answer to an issued collection: once, by a school user, late when after the deadline.
create table collection_answer (
    collection_id  bigint      not null references collection (id),
    school_id      bigint      not null references unit (id),
    answered_on    date        not null,
    late           boolean     not null,
    answered_at    timestamptz not null,
    answered_by    text        not null,
    primary key (collection_id, school_id)
);
create index collection_answer_school on collection_answer (school_id, collection_id);

-- Reports of collections that arrived without a code: the whitelist's report mechanism serves them (receipt code kept as
-- a hash, no identity of an anonymous sender, the shared rate limit). Their kind says their subject.
alter table whitelist_report drop constraint whitelist_report_kind_check;
alter table whitelist_report add constraint whitelist_report_kind_check
    check (kind in ('UNLISTED', 'OUT_OF_SCOPE', 'BANNED_DEMAND', 'UNCODED_COLLECTION'));
create index whitelist_report_district_kind on whitelist_report (district_id, kind, received_on);
