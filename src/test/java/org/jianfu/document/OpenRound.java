package org.jianfu.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.Ledgers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A fresh round on the 2021 template for 海淀区 and 朝阳区, opened and filled in through the ledger
 * module's own services, as the document tests need it.
 */
final class OpenRound {

    final Ledgers ledgers;
    final UserDetailsService users;
    final JdbcClient jdbc;
    final LedgerRound round;
    final long haidianLedger;
    final long chaoyangLedger;

    OpenRound(Ledgers ledgers, UserDetailsService users, JdbcClient jdbc, long haidian, long chaoyang) {
        this.ledgers = ledgers;
        this.users = users;
        this.jdbc = jdbc;
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "文件测试 " + System.nanoTime(), LocalDate.of(2026, 6, 30),
                List.of(haidian, chaoyang));
        haidianLedger = ledgers.ledgerOf(round.id(), haidian);
        chaoyangLedger = ledgers.ledgerOf(round.id(), chaoyang);
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    /** Fills a ledger: the header, and every requirement with a status and a two-paragraph answer; 12 is 不适用. */
    void fill(long ledgerId, String reporter, String person, String phone, String wording) {
        var me = as(reporter);
        ledgers.saveHeader(me, ledgerId, version(ledgerId), person, phone);
        var statuses = EntryStatus.values();
        for (var entry : ledgers.entries(me, ledgerId)) {
            int n = number(entry.requirementId());
            var draft = n == 12
                    ? new EntryDraft(EntryStatus.NOT_APPLICABLE, "", "本区没有寄宿制学校。", entry.version())
                    : new EntryDraft(statuses[n % 4], wording + "第" + n + "条：区教委印发实施方案，明确责任科室。\n　　二是每月调度一次，已清理事项"
                            + (n * 2) + "项。", null, entry.version());
            ledgers.saveEntry(me, ledgerId, entry.requirementId(), draft);
        }
    }

    int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    int number(long requirementId) {
        return jdbc.sql("select number from template_requirement where id = ?").param(requirementId).query(Integer.class).single();
    }

    Map<Long, LedgerEntry> entries(long ledgerId) {
        return ledgers.entries(as("city.admin"), ledgerId).stream()
                .collect(Collectors.toMap(LedgerEntry::requirementId, Function.identity()));
    }

    long auditRows() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
