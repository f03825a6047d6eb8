-- Reports of non-teaching trainings imposed on teachers without the education department's approval (requirement 19):
-- the whitelist's report mechanism serves them as it serves uncoded collections (receipt code kept as a hash, no identity
-- of an anonymous sender, the shared rate limit). Their kind says their subject.
alter table whitelist_report drop constraint whitelist_report_kind_check;
alter table whitelist_report add constraint whitelist_report_kind_check
    check (kind in ('UNLISTED', 'OUT_OF_SCOPE', 'BANNED_DEMAND', 'UNCODED_COLLECTION', 'UNAPPROVED_TRAINING'));
