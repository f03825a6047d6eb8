-- Where a school is, optionally: latitude and longitude (WGS 84, degrees), so that registers can prefer nearby schools (the
-- exam register sends invigilators from the nearest schools first). Both or neither.
alter table unit add column latitude numeric(9, 6) check (latitude between -90 and 90);
alter table unit add column longitude numeric(9, 6) check (longitude between -180 and 180);
alter table unit add constraint unit_coordinates_both check ((latitude is null) = (longitude is null));
