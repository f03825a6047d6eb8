package org.jianfu.ledger;

import java.time.LocalDate;

/**
 * Past-tense facts about a unit's ledger that the people of that unit should hear about: a round opened,
 * the deadline is near or passed, the city returned or accepted the ledger. Published for other modules
 * (notifications) to react to.
 *
 * @param kind what happened
 * @param unitId the unit to tell
 * @param ledgerId the ledger concerned
 * @param roundTitle the round's title, for the message
 * @param deadline the round's deadline
 */
public record LedgerNotice(Kind kind, long unitId, long ledgerId, String roundTitle, LocalDate deadline) {

    public enum Kind { ROUND_OPENED, DEADLINE_APPROACHING, OVERDUE, RETURNED, ACCEPTED }
}
