package org.jianfu.test;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.SignOffs;
import org.springframework.stereotype.Component;

/** Takes ledger steps as people do on the page: signing off with the approver's own password. */
@Component
public class LedgerSteps {

    private final Ledgers ledgers;
    private final SignOffs signOffs;

    public LedgerSteps(Ledgers ledgers, SignOffs signOffs) {
        this.ledgers = ledgers;
        this.signOffs = signOffs;
    }

    public Ledger take(AccountPrincipal me, long ledgerId, int version, LedgerAction action, String comment) {
        return action == LedgerAction.SIGN_OFF
                ? signOffs.signOff(me, ledgerId, version, comment, passwordOf(me))
                : ledgers.move(me, ledgerId, version, action, comment);
    }

    /** The password of a demo account, or of an account {@link Fixtures#account} made ("t12.district-approver"). */
    public static String passwordOf(AccountPrincipal me) {
        return me.getUsername().matches("t\\d+\\..*") ? Fixtures.STRONG_PASSWORD : Fixtures.DEMO_PASSWORD;
    }
}
