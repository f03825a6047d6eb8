package org.jianfu.test;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.LedgerContradictions;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.SignOffs;
import org.springframework.stereotype.Component;

/**
 * Takes ledger steps as people do on the page: signing off with the approver's own password, after
 * acknowledging any contradiction with the registers (which ones there are depends on the register data
 * other tests have made, so a test that signs off must not depend on it).
 */
@Component
public class LedgerSteps {

    /** The note the steps acknowledge contradictions with. */
    public static final String NOTE = "已与登记系统核对（测试）";

    private final Ledgers ledgers;
    private final SignOffs signOffs;
    private final LedgerContradictions contradictions;

    public LedgerSteps(Ledgers ledgers, SignOffs signOffs, LedgerContradictions contradictions) {
        this.ledgers = ledgers;
        this.signOffs = signOffs;
        this.contradictions = contradictions;
    }

    public Ledger take(AccountPrincipal me, long ledgerId, int version, LedgerAction action, String comment) {
        if (action != LedgerAction.SIGN_OFF) {
            return ledgers.move(me, ledgerId, version, action, comment);
        }
        acknowledgeContradictions(me, ledgerId);
        return signOffs.signOff(me, ledgerId, version, comment, passwordOf(me));
    }

    /** Acknowledges every open contradiction, when this person may sign off now (otherwise signing off refuses them). */
    public void acknowledgeContradictions(AccountPrincipal me, long ledgerId) {
        if (!ledgers.actionsFor(me, ledgers.readable(me, ledgerId)).contains(LedgerAction.SIGN_OFF)) {
            return;
        }
        contradictions.current(me, ledgerId).stream().filter(c -> !c.acknowledged())
                .forEach(c -> contradictions.acknowledge(me, ledgerId, c.fingerprint(), NOTE));
    }

    /** The password of a demo account, or of an account {@link Fixtures#account} made ("t12.district-approver"). */
    public static String passwordOf(AccountPrincipal me) {
        return me.getUsername().matches("t\\d+\\..*") ? Fixtures.STRONG_PASSWORD : Fixtures.DEMO_PASSWORD;
    }
}
