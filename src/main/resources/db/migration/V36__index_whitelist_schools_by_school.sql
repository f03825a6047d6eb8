-- The activities that name a school are read by school on every page of a school's user (its to-do count):
-- the primary key starts with the application, so a country's schools need their own index.
create index whitelist_application_school_school on whitelist_application_school (school_id);
