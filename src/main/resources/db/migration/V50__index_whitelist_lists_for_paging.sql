-- The whitelist register's lists show a page at a time (issue 15). Each page's rows are read in the list's own order
-- from an index, so the first page of 60,000 applications or 42,000 listed items does not sort them all.

-- The applications, newest first (the city's list; a district's is found through the unit indexes).
create index whitelist_application_newest on whitelist_application (submitted_at desc, id desc);

-- The public whitelist, the newest year first, city items before district ones, by start.
create index whitelist_application_listed_order on whitelist_application (year desc, level, starts_on, id) where state = 'APPROVED';

-- A school's own reports, newest first (the district's and the city's are found by district and by id).
create index whitelist_report_filer on whitelist_report (filed_by_unit_id, id) where filed_by_unit_id is not null;
