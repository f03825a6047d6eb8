-- The flow history (流转记录) names people by their display name, as the comments and the other registers do.
-- It is kept with the step, as the name was when the step was taken; earlier steps take the account's
-- current name, or keep the username where the account is gone.
alter table ledger_transition add column actor_name text;
update ledger_transition t set actor_name = coalesce((select a.display_name from account a where a.username = t.actor), t.actor);
alter table ledger_transition alter column actor_name set not null;
