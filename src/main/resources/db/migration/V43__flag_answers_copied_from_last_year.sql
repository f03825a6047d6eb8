-- An answer (nearly) the same as the unit's answer to the same requirement code last year is flagged too.
alter table ledger_entry_flag drop constraint ledger_entry_flag_kind_check;
alter table ledger_entry_flag add constraint ledger_entry_flag_kind_check
    check (kind in ('EMPTY', 'TOO_SHORT', 'COPIES_REQUIREMENT', 'SAME_AS_OTHER_UNIT', 'SAME_AS_OTHER_REQUIREMENT',
                    'SAME_AS_LAST_YEAR'));
