-- How many contradictions a ledger's answers made with the register figures when it was last submitted to its
-- approver, and then when it was signed off; null while the district is writing it. The city's dashboard shows
-- this stored count instead of computing every ledger's figures on each view.
alter table ledger add column contradiction_count int check (contradiction_count >= 0);

-- Signed ledgers: the contradictions kept at their sign-off. (Ledgers waiting for sign-off now get theirs when
-- next submitted; their approver's page still checks them live.)
update ledger l set contradiction_count = (select count(*) from ledger_signed_contradiction c where c.ledger_id = l.id)
where l.state in ('SUBMITTED', 'ACCEPTED');
