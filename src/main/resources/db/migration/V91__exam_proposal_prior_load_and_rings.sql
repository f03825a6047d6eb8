-- Exam proposals count what teachers already carried in the year (imported duties, accepted earlier proposals) against the
-- yearly cap and leave sessions already settled alone; and keep where their places were filled from: per ring (the host
-- school, within 5 km, within 15 km, the same district, further) and the travel over the places whose schools are placed.
alter table exam_proposal add column prior_sessions int not null default 0;
alter table exam_proposal add column ring_places int[] not null default '{0,0,0,0,0}';
alter table exam_proposal add column travel_km numeric(12, 1) not null default 0;
alter table exam_proposal add column measured_places int not null default 0;

create index exam_proposal_assignment_session on exam_proposal_assignment (session_id);
create index exam_duty_plan on exam_duty (plan_id, held_on);
