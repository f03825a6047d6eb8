package org.jianfu.document;

import java.util.Map;

import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerEntry;

/** One unit's ledger in a round, as the city's files list it. */
record UnitLedger(String unitName, Ledger ledger, Map<Long, LedgerEntry> entries) {
}
