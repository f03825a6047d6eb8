import java.time.LocalDate;

import org.jianfu.JianfuApplication;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.document.OfficialCopySteps;
import org.jianfu.document.SampleLedgers;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.SignOffs;
import org.jianfu.seal.ElectronicSeals;
import org.jianfu.seal.OfdSeals;
import org.jianfu.seal.PdfSeals;
import org.jianfu.seal.SealVerification;
import org.jianfu.test.BenchTimes;
import org.jianfu.test.TestDatabase;
import org.jianfu.unit.Seals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 21, point 5: the official copy of a full ledger (24 answers of ~400 characters, the frozen figures' appendix) on
 * this machine, in-process as sign-off does it:
 *  - baseline: rendering alone (the ledger read, laid out, written as OFD and as PDF);
 *  - rendering and sealing both files (the GB/T 38540 signature of the OFD, the PDF signature), the target under 2 s;
 *  - verifying the sealed OFD and the sealed PDF, the target under 500 ms each;
 *  - the whole sign-off (password check, state change, figures frozen, copy sealed, checked and stored), with an electronic
 *    seal and, as its baseline, for a district without one (which makes no copy).
 * Prints a Markdown table. Run with bench/seal-official-copy.sh.
 */
public class SealBenchmark {

    static final String PASSWORD = "Lv7#qz-Kestrel9";

    public static void main(String[] args) throws Exception {
        try {
            run();
        }
        catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }

    static void run() throws Exception {
        int runs = Integer.getInteger("runs", 30);
        var audit = TestDatabase.ownAuditFiles();
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres", "--server.port=0",
                "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H", audit[0], audit[1], audit[2], audit[3]);
        var jdbc = context.getBean(JdbcClient.class);
        var ledgers = context.getBean(Ledgers.class);
        var accounts = context.getBean(Accounts.class);
        var seals = context.getBean(Seals.class);
        var electronicSeals = context.getBean(ElectronicSeals.class);
        var signOffs = context.getBean(SignOffs.class);
        var ofdSeals = context.getBean(OfdSeals.class);
        var pdfSeals = context.getBean(PdfSeals.class);
        var verification = context.getBean(SealVerification.class);
        var users = context.getBean(UserDetailsService.class);

        // two districts, each with a round of its own per sign-off timed; one with an electronic seal, one without
        var sealed = jdbc.sql("select id from unit where code = '110112'").query(Long.class).single();
        var unsealed = jdbc.sql("select id from unit where code = '110111'").query(Long.class).single();
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        for (var unit : new long[] { sealed, unsealed }) {
            var code = jdbc.sql("select code from unit where id = ?").param(unit).query(String.class).single();
            accounts.createInitial("bench.reporter." + code, "基准填报员", unit, Role.DISTRICT_REPORTER, PASSWORD, false);
            accounts.createInitial("bench.approver." + code, "基准审核人", unit, Role.DISTRICT_APPROVER, PASSWORD, false);
        }
        // the seal image is the unit's approver's to upload; the electronic seal made from it as an approval would make it
        seals.upload(principal(users, "bench.approver." + jdbc.sql("select code from unit where id = ?").param(sealed).query(String.class).single()),
                sealed, SampleLedgers.sealPng("通州区教育委员会"));
        var seal = electronicSeals.make(sealed);
        var city = principal(users, "city.admin");
        var phrases = new String[] { "区教委统筹安排督查检查事项，", "按照年度计划和审批报备制度执行，", "对现有事项进行集中清理，",
                "保留事项实行清单管理，", "合并内容相近的检查，", "联合开展涉及多部门的事项，", "不得层层加码，",
                "严格控制总量和频次，", "减轻教师非教育教学负担，", "建立动态监测机制，", "定期通报落实情况。" };

        // one ledger waiting for sign-off: a round of its own, every answer ~400 characters in 3 paragraphs, submitted
        class Waiting {
            long ledger(long unit, int n) {
                var round = ledgers.openRound(city, template, 2026, "印章基准 " + unit + "-" + n, LocalDate.now().plusDays(30), java.util.List.of(unit));
                var ledger = ledgers.ledgerOf(round.id(), unit);
                jdbc.sql("""
                        update ledger_entry e set status = 'PARTIAL',
                            text = (select string_agg((?::text[])[1 + ((e.id * 7 + g) % 11)] || case when g % 12 = 0 then E'\\n' else '' end, '')
                                    from generate_series(1, 36) g),
                            version = 1, updated_at = now(), updated_by = 'bench'
                        where e.ledger_id = ?""").params(phrases, ledger).update();
                jdbc.sql("update ledger set started_at = now(), contact_person = '李静', contact_phone = '010-62345678' where id = ?")
                        .param(ledger).update();
                var code = jdbc.sql("select code from unit where id = ?").param(unit).query(String.class).single();
                ledgers.move(as(principal(users, "bench.reporter." + code)), ledger, version(jdbc, ledger), LedgerAction.SUBMIT, null);
                return ledger;
            }
        }
        var waiting = new Waiting();
        var sealedCode = jdbc.sql("select code from unit where id = ?").param(sealed).query(String.class).single();
        var unsealedCode = jdbc.sql("select code from unit where id = ?").param(unsealed).query(String.class).single();
        var approver = principal(users, "bench.approver." + sealedCode);
        var otherApprover = principal(users, "bench.approver." + unsealedCode);

        // the sample ledger the render and seal steps use: signed off, so that its appendix of frozen figures is there
        var sample = waiting.ledger(sealed, 0);
        as(approver);
        signOffs.signOff(approver, sample, version(jdbc, sample), null, PASSWORD);
        var answerLength = jdbc.sql("select avg(length(text))::int from ledger_entry where ledger_id = ?").param(sample).query(Integer.class).single();

        var rendered = OfficialCopySteps.render(context, approver, sample);
        var sealedFiles = OfficialCopySteps.seal(rendered, ofdSeals, pdfSeals, seal);
        var render = BenchTimes.time(() -> OfficialCopySteps.render(context, approver, sample), runs);
        var renderAndSeal = BenchTimes.time(() -> OfficialCopySteps.seal(OfficialCopySteps.render(context, approver, sample), ofdSeals,
                pdfSeals, seal), runs);
        var verifyOfd = BenchTimes.time(() -> verification.verify(sealedFiles[0]), runs);
        var verifyPdf = BenchTimes.time(() -> verification.verify(sealedFiles[1]), runs);

        // whole sign-offs, each of a ledger of its own (prepared before, not timed)
        int signOffRuns = Math.max(5, runs / 3);
        var withSeal = new java.util.ArrayDeque<Long>();
        var withoutSeal = new java.util.ArrayDeque<Long>();
        for (int i = 0; i < signOffRuns + 10; i++) {
            withSeal.add(waiting.ledger(sealed, i + 1));
            withoutSeal.add(waiting.ledger(unsealed, i + 1));
        }
        var signOffSealed = BenchTimes.time(() -> {
            var ledger = withSeal.poll();
            as(approver);
            signOffs.signOff(approver, ledger, version(jdbc, ledger), null, PASSWORD);
        }, signOffRuns);
        var signOffUnsealed = BenchTimes.time(() -> {
            var ledger = withoutSeal.poll();
            as(otherApprover);
            signOffs.signOff(otherApprover, ledger, version(jdbc, ledger), null, PASSWORD);
        }, signOffRuns);
        SecurityContextHolder.clearContext();

        System.out.printf("%nOfficial copy of a ledger: 24 answers of %d characters on average, %d figures frozen; OFD %,d bytes, PDF %,d bytes"
                + " (sealed: %,d and %,d); %d runs after 10 warm-ups, sign-offs %d runs.%n%n",
                answerLength, jdbc.sql("select count(*) from ledger_frozen_figure where ledger_id = ?").param(sample).query(Integer.class).single(),
                rendered.ofd().length, rendered.pdf().length, sealedFiles[0].length, sealedFiles[1].length, runs, signOffRuns);
        System.out.println("| what | median | p95 | max | target |");
        System.out.println("|---|---:|---:|---:|---|");
        BenchTimes.row("baseline: rendering alone (read, lay out, write OFD and PDF)", render, "");
        BenchTimes.row("rendering and sealing both files (OFD: GB/T 38540 signature; PDF: CMS signature)", renderAndSeal,
                renderAndSeal[renderAndSeal.length / 2] < 2000 ? "< 2 s: met" : "< 2 s: NOT met");
        BenchTimes.row("verifying the sealed OFD", verifyOfd, verifyOfd[verifyOfd.length / 2] < 500 ? "< 500 ms: met" : "< 500 ms: NOT met");
        BenchTimes.row("verifying the sealed PDF", verifyPdf, verifyPdf[verifyPdf.length / 2] < 500 ? "< 500 ms: met" : "< 500 ms: NOT met");
        BenchTimes.row("whole sign-off with an electronic seal (copy sealed, verified, stored)", signOffSealed, "");
        BenchTimes.row("baseline: whole sign-off without an electronic seal (no copy)", signOffUnsealed, "");
        context.close();
        System.exit(0);
    }

    static AccountPrincipal principal(UserDetailsService users, String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    static AccountPrincipal as(AccountPrincipal who) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(who, null, who.getAuthorities()));
        return who;
    }

    static int version(JdbcClient jdbc, long ledger) {
        return jdbc.sql("select version from ledger where id = ?").param(ledger).query(Integer.class).single();
    }
}
