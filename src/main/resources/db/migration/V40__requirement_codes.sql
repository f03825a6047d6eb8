-- Stable requirement codes. A requirement keeps its code through every template version (a copy keeps
-- codes, a reworded requirement keeps its code, a new one gets a new code), so that register figures,
-- rules and last year's answers attach by code, never by number or row position. The shipped 2021
-- requirements are coded by the year and their number in the 2021 document: 2021-01 … 2021-24.
alter table template_requirement add column code text check (code ~ '^[0-9]{4}-[0-9]{2,3}$');

update template_requirement r set code = '2021-' || lpad(r.number::text, 2, '0')
from ledger_template t
where t.id = r.template_id and t.year = 2021 and t.version = 1;

-- Templates copied before codes existed: a requirement worded exactly as a shipped one takes its code
-- (once per template); any other gets a new code of its template's year.
update template_requirement r set code = s.code
from (select distinct on (r2.id) r2.id, s2.code
      from template_requirement r2
      join template_requirement s2 on s2.text = r2.text and s2.code is not null
      where r2.code is null
      order by r2.id, s2.code) s
where r.id = s.id
  and not exists (select 1 from template_requirement o where o.template_id = r.template_id and o.code = s.code);

update template_requirement r set code = t.year || '-' || lpad((100 + r.number)::text, 3, '0')
from ledger_template t
where t.id = r.template_id and r.code is null;

alter table template_requirement alter column code set not null;
alter table template_requirement add constraint template_requirement_code_unique unique (template_id, code);

-- A split or merge between versions: the requirement takes the place of the requirements these codes
-- stood for (split: several requirements name one origin; merge: one requirement names several).
create table template_requirement_origin (
    requirement_id bigint not null references template_requirement (id) on delete cascade,
    origin_code    text   not null,
    primary key (requirement_id, origin_code)
);
