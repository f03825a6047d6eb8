package org.jianfu.ledger;

import java.time.Instant;

/**
 * A ledger round was closed by the city: the year's figures are final. Published for other modules (the supervision
 * board freezes the year's indicator values on it), in the transaction that closes the round.
 */
public record LedgerRoundClosed(long roundId, int year, Instant closedAt) {
}
