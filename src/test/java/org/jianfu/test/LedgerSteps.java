package org.jianfu.test;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.LedgerContradictions;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.SignOffs;
import org.jianfu.ledger.Templates;
import org.jianfu.unit.Unit;
import org.springframework.security.core.userdetails.UserDetailsService;
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
    private final Templates templates;
    private final Fixtures fixtures;
    private final UserDetailsService users;

    public LedgerSteps(Ledgers ledgers, SignOffs signOffs, LedgerContradictions contradictions, Templates templates,
            Fixtures fixtures, UserDetailsService users) {
        this.ledgers = ledgers;
        this.signOffs = signOffs;
        this.contradictions = contradictions;
        this.templates = templates;
        this.fixtures = fixtures;
        this.users = users;
    }

    /** A ledger submitted to its approver in a round of its own, with the accounts that wrote it and will sign it. */
    public record Waiting(long roundId, long ledgerId, AccountPrincipal reporter, AccountPrincipal approver) {
    }

    /** Every requirement answered 部分落实 with words naming the district and the requirement. */
    public static Function<LedgerEntry, EntryDraft> partly(String district) {
        return entry -> new EntryDraft(EntryStatus.PARTIAL, district + "：区教委已部署第" + entry.requirementId() + "项工作，正在分步推进。",
                null, entry.version());
    }

    /**
     * Opens a round of the shipped template asking only this district, and has a new reporter of it fill in
     * the header and every requirement as given and submit it to a new approver of it.
     */
    public Waiting waitingForSignOff(Unit district, int year, LocalDate deadline, Function<LedgerEntry, EntryDraft> answer) {
        var reporter = account(fixtures.account(Role.DISTRICT_REPORTER, district));
        var approver = account(fixtures.account(Role.DISTRICT_APPROVER, district));
        var round = ledgers.openRound(account("city.admin"), templates.shipped2021(), year, district.name() + "测试 " + System.nanoTime(),
                deadline, List.of(district.id()));
        var ledgerId = ledgers.ledgerOf(round.id(), district.id());
        ledgers.saveHeader(reporter, ledgerId, 0, "王芳", "010-69841234");
        for (var entry : ledgers.entries(reporter, ledgerId)) {
            ledgers.saveEntry(reporter, ledgerId, entry.requirementId(), answer.apply(entry));
        }
        ledgers.move(reporter, ledgerId, ledgers.readable(reporter, ledgerId).version(), LedgerAction.SUBMIT, null);
        return new Waiting(round.id(), ledgerId, reporter, approver);
    }

    private AccountPrincipal account(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
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
