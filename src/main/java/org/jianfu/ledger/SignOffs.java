package org.jianfu.ledger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Reauthentication;
import org.springframework.stereotype.Service;

/**
 * Signing a ledger off: the approver confirms with their password first (in its own transaction, so a
 * refusal is audited and counted although nothing is signed), then the step is taken. {@link Ledgers#move}
 * refuses the sign-off step: this is the only way to it.
 */
@Service
public class SignOffs {

    private final Reauthentication reauthentication;
    private final Ledgers ledgers;

    SignOffs(Reauthentication reauthentication, Ledgers ledgers) {
        this.reauthentication = reauthentication;
        this.ledgers = ledgers;
    }

    /** Signs the ledger off in the approver's unit's name, once their password is confirmed. */
    public Ledger signOff(AccountPrincipal me, long ledgerId, int version, String comment, String password) {
        // Who may sign is checked before the password is: others are refused without a password being tried.
        var ledger = ledgers.readable(me, ledgerId);
        if (!ledgers.actionsFor(me, ledger).contains(LedgerAction.SIGN_OFF)) {
            throw new LedgerNotEditableException(ledger.state());
        }
        reauthentication.confirm(me, password, "ledger.sign-off");
        return ledgers.signOff(me, ledgerId, version, comment);
    }
}
