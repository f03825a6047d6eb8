package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionTestData;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing off freezes the register figures as they stood: the sealed ledger shows those, with the live ones
 * beside where they changed since; a ledger returned after sign-off loses its seal and frozen figures until
 * it is signed off again. Works in 通州区, whose inspection register the test changes.
 */
@JianfuIntegrationTest
class FrozenFiguresTests {

    @Autowired Ledgers ledgers;
    @Autowired LedgerSteps steps;
    @Autowired LedgerFigures ledgerFigures;
    @Autowired FrozenFigures frozenFigures;
    @Autowired Seals seals;
    @Autowired Units units;
    @Autowired InspectionTestData inspection;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Unit tongzhou;
    AccountPrincipal reporter;
    AccountPrincipal approver;
    AccountPrincipal city;
    long ledgerId;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version() {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    @BeforeEach
    void aLedgerOf通州区WaitsForItsApprover() {
        tongzhou = units.findByCode("110112").orElseThrow();
        city = as("city.admin");
        var waiting = steps.waitingForSignOff(tongzhou, 2026, LocalDate.of(2026, 12, 31), entry -> new EntryDraft(EntryStatus.IMPLEMENTED,
                "区教委制定方案并推进落实，第" + entry.requirementId() + "项已完成。", null, entry.version()));
        reporter = waiting.reporter();
        approver = waiting.approver();
        ledgerId = waiting.ledgerId();
    }

    /** Categories no other test of 通州区 uses, one per item, so that no frequency limit blocks an approval. */
    static final InspectionCategory[] CATEGORIES = { InspectionCategory.PARTY_BUILDING, InspectionCategory.SAFE_CAMPUS,
            InspectionCategory.PERFORMANCE };
    static final java.util.concurrent.atomic.AtomicInteger ITEMS = new java.util.concurrent.atomic.AtomicInteger();

    /** The register changes: one more item approved in the district's plan for 2026. */
    void oneMoreItemIsApproved() {
        int n = ITEMS.getAndIncrement();
        inspection.approved(tongzhou, draft("通州区专项检查 " + System.nanoTime(), CATEGORIES[n % CATEGORIES.length],
                LocalDate.of(2026, 3, 2 + 7 * n)));
    }

    /** The number of approved plan items a set of figures gives. */
    static long approvedItems(List<RegisterFigures.Figure> figures) {
        return figures.stream().filter(f -> f.key().equals("inspection.plan")).map(f -> ((Number) f.arguments()[0]).longValue())
                .findFirst().orElseThrow();
    }

    Ledger ledger() {
        return ledgers.readable(city, ledgerId);
    }

    String page(AccountPrincipal reader) throws Exception {
        var html = mvc.perform(get("/ledgers/{id}", ledgerId).with(user(reader))).andReturn().getResponse().getContentAsString();
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    String audited(String action) {
        return jdbc.sql("select after::text from audit_event where action = ? and object_id = ? order by seq desc limit 1")
                .params(action, Long.toString(ledgerId)).query(String.class).single();
    }

    @Test
    void frozenFiguresStayAsTheyWereAfterTheRegisterChangesAndTheNewValueShowsBesideThem() throws Exception {
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        var atSignOff = approvedItems(ledgerFigures.shown(ledger()));
        assertThat(page(city)).doesNotContain("签章时 登记系统");

        oneMoreItemIsApproved();

        assertThat(approvedItems(ledgerFigures.live(tongzhou.id(), 2026))).isEqualTo(atSignOff + 1);
        assertThat(approvedItems(ledgerFigures.shown(ledger()))).as("the signed ledger shows the figure frozen at sign-off")
                .isEqualTo(atSignOff);
        assertThat(page(city)).contains("登记册数据为签章时")
                .contains("签章时 登记系统：年度计划已批准" + atSignOff + "项 / 现在 登记系统：年度计划已批准" + (atSignOff + 1) + "项");
        assertThat(audited("ledger.sign-off")).as("the sign-off's audit record carries the frozen figures")
                .contains("\"change\":\"applied\"", "inspection.plan", "inspection.figure.plan");
    }

    @Test
    void aLedgerReturnedAfterSignOffLosesItsSealAndFrozenFiguresUntilItIsSignedOffAgain() throws Exception {
        seals.upload(approver, tongzhou.id(), HostileUploads.png(120, 120));
        var sealId = seals.currentSealId(tongzhou.id()).orElseThrow();
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        assertThat(ledgers.sealOf(ledgerId)).contains(sealId);
        var atSignOff = approvedItems(ledgerFigures.shown(ledger()));

        steps.take(city, ledgerId, version(), LedgerAction.RETURN_TO_DISTRICT, "请补充第3条的佐证材料。");
        assertThat(ledgers.sealOf(ledgerId)).isEmpty();
        assertThat(ledgerFigures.frozen(city, ledgerId)).isEmpty();
        assertThat(audited("ledger.return-to-district")).contains("\"change\":\"removed\"", "\"sealId\":" + sealId);
        var returned = mvc.perform(get("/ledgers/{id}", ledgerId).with(user(city))).andReturn().getResponse().getContentAsString();
        assertThat(returned).doesNotContain("/seals/" + sealId).doesNotContain("登记册数据为签章时");

        oneMoreItemIsApproved();
        assertThat(approvedItems(ledgerFigures.shown(ledger()))).as("a returned ledger shows live figures").isEqualTo(atSignOff + 1);

        seals.upload(approver, tongzhou.id(), HostileUploads.png(150, 150));
        var newSeal = seals.currentSealId(tongzhou.id()).orElseThrow();
        steps.take(reporter, ledgerId, version(), LedgerAction.SUBMIT, null);
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        assertThat(ledgers.sealOf(ledgerId)).as("the seal current at the new sign-off").contains(newSeal);
        assertThat(approvedItems(ledgerFigures.frozen(city, ledgerId).orElseThrow().figures())).isEqualTo(atSignOff + 1);

        // Reopening an accepted ledger is the other step out of the signed states.
        steps.take(city, ledgerId, version(), LedgerAction.ACCEPT, null);
        assertThat(ledgers.sealOf(ledgerId)).contains(newSeal);
        steps.take(city, ledgerId, version(), LedgerAction.REOPEN, "数据需要更正。");
        assertThat(ledgers.sealOf(ledgerId)).isEmpty();
        assertThat(ledgerFigures.frozen(city, ledgerId)).isEmpty();
        assertThat(audited("ledger.reopen")).contains("\"change\":\"removed\"", "\"sealId\":" + newSeal);
    }

    @Test
    void aFrozenFigureReadsBackWithItsNumbersAndWhatItContradicts() {
        var contradictions = List.<Contradiction>of(
                new Contradiction.Status(java.util.Set.of(EntryStatus.IMPLEMENTED), "inspection.figure.plan-not-filed"),
                new Contradiction.Denial(List.of("未出现…层层加码", "均已")),
                new Contradiction.DateClaim(List.of("备案", "报市"), LocalDate.of(2026, 7, 20)),
                new Contradiction.DateClaim(List.of("备案"), null));
        var figure = new RegisterFigures.Figure("2021-04", "inspection.cleanup", "inspection.figure.cleanup",
                new Object[] { 40L, 18, "55.0" }, "/inspection/cleanups/1/2026", true, contradictions);
        var at = java.time.Instant.parse("2026-06-28T02:15:00Z");

        frozenFigures.freeze(ledgerId, List.of(figure), at);

        var read = frozenFigures.of(ledgerId).orElseThrow();
        assertThat(read.at()).isEqualTo(at);
        var back = read.figures().get(0);
        assertThat(back.arguments()).containsExactly(40, 18, "55.0");
        assertThat(back.contradictions()).isEqualTo(contradictions);
        assertThat(back).usingRecursiveComparison().ignoringFields("arguments").isEqualTo(figure);
        assertThat(frozenFigures.sameValue(back, figure)).as("40L and 40 read the same").isTrue();
        assertThat(java.text.MessageFormat.format("{0}/{1}/{2}", back.arguments())).isEqualTo("40/18/55.0");
        frozenFigures.discard(ledgerId);
    }

    @Test
    void aFigureGivenOnlyAtSignOffOrOnlyNowIsShownAsSuch() throws Exception {
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        // As if the registers had given other figures at sign-off: one no register gives now, and none for
        // the plan's filing, which a register gives now.
        var frozen = ledgerFigures.frozen(city, ledgerId).orElseThrow();
        var then = new java.util.ArrayList<>(frozen.figures().stream().filter(f -> !f.key().equals("inspection.plan-filing")).toList());
        then.add(new RegisterFigures.Figure("2021-01", "test.retired", "inspection.figure.proof", new Object[] { 99 }, null, false));
        frozenFigures.freeze(ledgerId, then, frozen.at());

        assertThat(page(city))
                .contains("签章时 登记系统：要求截图、照片、视频留痕99次 / 现在无此项")
                .containsPattern("签章时无此项 / 现在 登记系统：年度计划(尚未报市备案|已报市备案)");
    }
}
