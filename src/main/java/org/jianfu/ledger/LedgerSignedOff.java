package org.jianfu.ledger;

import org.jianfu.account.AccountPrincipal;

/**
 * A ledger was signed off (or its sign-off undone by a step back out of the signed states), published inside the step's
 * transaction: a listener that fails undoes the step, so an official copy is made with the sign-off or not at all.
 *
 * @param approver who signed it off, having confirmed their password (null when undone)
 * @param undone true when the ledger left the signed states (returned after sign-off)
 */
public record LedgerSignedOff(long ledgerId, long unitId, AccountPrincipal approver, boolean undone) {
}
