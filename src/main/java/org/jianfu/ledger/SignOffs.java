package org.jianfu.ledger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Reauthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing a ledger off: every contradiction with the registers acknowledged, then the approver confirms
 * with their password (in its own transaction, so a refusal is audited and counted although nothing is
 * signed), then the step is taken and the contradictions kept as they stood, in one transaction.
 * {@link Ledgers#move} refuses the sign-off step: this is the only way to it.
 */
@Service
public class SignOffs {

    private final Reauthentication reauthentication;
    private final Ledgers ledgers;
    private final LedgerContradictions contradictions;
    private final TransactionTemplate transactions;

    SignOffs(Reauthentication reauthentication, Ledgers ledgers, LedgerContradictions contradictions, TransactionTemplate transactions) {
        this.reauthentication = reauthentication;
        this.ledgers = ledgers;
        this.contradictions = contradictions;
        this.transactions = transactions;
    }

    /** Signs the ledger off in the approver's unit's name, once their password is confirmed. */
    public Ledger signOff(AccountPrincipal me, long ledgerId, int version, String comment, String password) {
        return signOff(me, ledgerId, version, comment, password, null);
    }

    /** Whether signing off asks this approver for their second factor's code as well as their password. */
    public boolean asksSecondFactor(AccountPrincipal me) {
        return reauthentication.asksSecondFactor(me);
    }

    /**
     * Signs the ledger off once the approver's password, and their second factor's code where they have one, are confirmed:
     * only then is the unit's electronic seal used (the official copy is sealed within the sign-off).
     */
    public Ledger signOff(AccountPrincipal me, long ledgerId, int version, String comment, String password, String secondFactorCode) {
        // Who may sign is checked before the password is: others are refused without a password being tried.
        var ledger = ledgers.readable(me, ledgerId);
        if (!ledgers.actionsFor(me, ledger).contains(LedgerAction.SIGN_OFF)) {
            throw new LedgerNotEditableException(ledger.state());
        }
        var acknowledged = contradictions.requireAcknowledged(ledger);
        reauthentication.confirm(me, password, secondFactorCode, "ledger.sign-off");
        return transactions.execute(status -> {
            var signed = ledgers.signOff(me, ledgerId, version, comment);
            contradictions.keepSigned(ledgerId, acknowledged);
            return signed;
        });
    }
}
