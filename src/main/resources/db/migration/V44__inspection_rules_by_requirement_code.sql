-- The check's rules attach to requirements by their stable code (see V40), never by number: numbers move
-- between template versions. The rules so far all cite the 2021 ledger, whose codes are its numbers.
alter table inspection_rule add column requirement_code text;

update inspection_rule set requirement_code = '2021-' || lpad(requirement_number::text, 2, '0');

alter table inspection_rule alter column requirement_code set not null;
alter table inspection_rule add constraint inspection_rule_requirement_code_format
    check (requirement_code ~ '^[0-9]{4}-[0-9]{2,3}$');

-- Nothing reads the number any more.
alter table inspection_rule drop column requirement_number;
