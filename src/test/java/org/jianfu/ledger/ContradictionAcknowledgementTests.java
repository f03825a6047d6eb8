package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.inspection.BaselineOutcome;
import org.jianfu.inspection.Cleanups;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 门头沟区 ledger for last year (whose July has passed, so the register shows the plan and the retained
 * list overdue) answering requirement 1 with 已落实 and a filing date: two contradictions, which block the
 * sign-off until the approver has acknowledged each with a note.
 */
@JianfuIntegrationTest
class ContradictionAcknowledgementTests {

    static final String CLAIM = "年度计划经区委审批，于1月15日报市备案。";

    @Autowired Ledgers ledgers;
    @Autowired SignOffs signOffs;
    @Autowired LedgerContradictions contradictions;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired Cleanups cleanups;
    @Autowired LedgerSteps steps;

    AccountPrincipal reporter;
    AccountPrincipal approver;
    AccountPrincipal city;
    long roundId;
    long ledgerId;
    long planRequirement;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version() {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    LedgerState state() {
        return ledgers.readable(city, ledgerId).state();
    }

    long acknowledgementsAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'ledger.contradiction-acknowledged' and object_id = ?")
                .param(Long.toString(ledgerId)).query(Long.class).single();
    }

    @BeforeEach
    void aLedgerOf门头沟区ClaimingAFilingTheRegisterDoesNotShowWaitsForItsApprover() {
        city = as("city.admin");
        var today = LocalDate.now(clock);
        planRequirement = templates.get(templates.shipped2021()).requirementFor("2021-01").orElseThrow().id();
        var waiting = steps.waitingForSignOff(units.findByCode("110109").orElseThrow(), today.getYear() - 1, today.plusDays(30), entry -> {
            var plan = entry.requirementId() == planRequirement;
            return new EntryDraft(plan ? EntryStatus.IMPLEMENTED : EntryStatus.PARTIAL,
                    plan ? CLAIM : "区教委已部署此项工作，正在分步推进。", null, entry.version());
        });
        reporter = waiting.reporter();
        approver = waiting.approver();
        roundId = waiting.roundId();
        ledgerId = waiting.ledgerId();
    }

    @Test
    void signingOffIsRefusedUntilEveryContradictionIsAcknowledgedAndThenKeepsThemWithTheirNotes() {
        var current = contradictions.current(approver, ledgerId);
        assertThat(current).hasSize(2).allSatisfy(c -> {
            assertThat(c.requirementId()).isEqualTo(planRequirement);
            assertThat(c.acknowledged()).isFalse();
        });
        assertThat(current).extracting(LedgerContradictions.Shown::kind).containsExactlyInAnyOrder("DATE", "STATUS");
        assertThat(current).extracting(LedgerContradictions.Shown::answerWords).contains("年度计划经区委审批，于1月15日报市备案");

        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("ledger.error.contradictions-unacknowledged");
                    assertThat(v.arguments()).containsExactly(2L);
                });
        contradictions.acknowledge(approver, ledgerId, current.get(0).fingerprint(), "已核实：计划尚在区委审批，填报有误。");
        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.arguments()).containsExactly(1L));
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);
        // Refused before the password was tried: no confirmation was asked for.
        assertThat(jdbc.sql("select count(*) from audit_event where action like 'account.reauthenticat%' and object_id = ?")
                .param(Long.toString(approver.accountId())).query(Long.class).single()).isZero();

        contradictions.acknowledge(approver, ledgerId, current.get(1).fingerprint(), "已核实：系统未登记备案，待补登。");
        signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD);
        assertThat(state()).isEqualTo(LedgerState.SUBMITTED);
        assertThat(acknowledgementsAudited()).isEqualTo(2);

        assertThat(contradictions.keptCounts(roundId)).containsEntry(ledgerId, 2);
        var kept = contradictions.onRequirement(List.of(ledgers.readable(city, ledgerId)), planRequirement, java.util.Map.of(),
                java.util.Map.of()).get(ledgerId);
        assertThat(kept).extracting(c -> c.acknowledgement().note())
                .containsExactlyInAnyOrder("已核实：计划尚在区委审批，填报有误。", "已核实：系统未登记备案，待补登。");
        assertThat(kept).extracting(LedgerContradictions.Shown::fingerprint)
                .containsExactlyInAnyOrderElementsOf(current.stream().map(LedgerContradictions.Shown::fingerprint).toList());
    }

    @Test
    void aNoteIsRequiredAndAtMost500CharactersAndOnlyTheApproverMayAcknowledge() {
        var fingerprint = contradictions.current(approver, ledgerId).get(0).fingerprint();
        assertThatThrownBy(() -> contradictions.acknowledge(approver, ledgerId, fingerprint, "  "))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("ledger.contradiction.error.note-required"));
        assertThatThrownBy(() -> contradictions.acknowledge(approver, ledgerId, fingerprint, "核".repeat(501)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("ledger.contradiction.error.note-too-long"));
        assertThatThrownBy(() -> contradictions.acknowledge(approver, ledgerId, "not-a-contradiction", "已核实"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("ledger.contradiction.error.gone"));
        assertThatThrownBy(() -> contradictions.acknowledge(reporter, ledgerId, fingerprint, "已核实"))
                .isInstanceOf(LedgerNotEditableException.class);
        assertThatThrownBy(() -> contradictions.acknowledge(city, ledgerId, fingerprint, "已核实"))
                .isInstanceOf(LedgerNotEditableException.class);
        contradictions.acknowledge(approver, ledgerId, fingerprint, "核".repeat(500));
        assertThat(acknowledgementsAudited()).isEqualTo(1);
    }

    @Test
    void aResubmittedLedgerNeedsNewAcknowledgements() {
        for (var c : contradictions.current(approver, ledgerId)) {
            contradictions.acknowledge(approver, ledgerId, c.fingerprint(), "已核实");
        }
        assertThat(contradictions.current(approver, ledgerId)).allSatisfy(c -> assertThat(c.acknowledged()).isTrue());
        ledgers.move(approver, ledgerId, version(), LedgerAction.RETURN_TO_REPORTER, "请核对备案日期");
        ledgers.move(reporter, ledgerId, version(), LedgerAction.SUBMIT, null);

        assertThat(contradictions.current(approver, ledgerId)).hasSize(2).allSatisfy(c -> assertThat(c.acknowledged()).isFalse());
        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void anAcknowledgementHoldsOnlyWhileTheFigureStaysAsItWas() {
        // A round two years back, so its cleanup is this test's alone: two items, one retained, the target missed.
        var mentougou = units.findByCode("110109").orElseThrow();
        int year = LocalDate.now(clock).getYear() - 2;
        var round = ledgers.openRound(city, templates.shipped2021(), year, "矛盾变化测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), List.of(mentougou.id()));
        var ledger = ledgers.ledgerOf(round.id(), mentougou.id());
        var cleanupRequirement = templates.get(round.templateId()).requirementFor("2021-04").orElseThrow().id();
        cleanups.add(reporter, mentougou.id(), year, "教学常规检查", "区教委通知", "区教委", InspectionCategory.values()[0]);
        var retained = cleanups.add(reporter, mentougou.id(), year, "安全检查", "区教委通知", "区教委", InspectionCategory.values()[0]);
        cleanups.mark(reporter, retained.id(), retained.version(), BaselineOutcome.RETAINED, null, null);
        ledgers.saveHeader(reporter, ledger, 0, "王芳", "010-69841234");
        for (var entry : ledgers.entries(ledger)) {
            var cleanup = entry.requirementId() == cleanupRequirement;
            ledgers.saveEntry(reporter, ledger, entry.requirementId(), new EntryDraft(cleanup ? EntryStatus.IMPLEMENTED : EntryStatus.PARTIAL,
                    cleanup ? "已完成集中清理。" : "区教委已部署此项工作，正在分步推进。", null, entry.version()));
        }
        ledgerId = ledger;
        ledgers.move(reporter, ledgerId, version(), LedgerAction.SUBMIT, null);
        for (var c : contradictions.current(approver, ledgerId)) {
            contradictions.acknowledge(approver, ledgerId, c.fingerprint(), "已核实");
        }

        // The register changes while the ledger waits: the cleanup figure is a new contradiction, the filing's is not.
        cleanups.add(reporter, mentougou.id(), year, "作业检查", "区教委通知", "区教委", InspectionCategory.values()[0]);
        var now = contradictions.current(approver, ledgerId);
        assertThat(now).filteredOn(c -> c.figureKey().equals("inspection.cleanup")).singleElement()
                .satisfies(c -> assertThat(c.acknowledged()).isFalse());
        assertThat(now).filteredOn(c -> c.figureKey().equals("inspection.cleanup-filing")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.acknowledged()).isTrue());
        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.arguments()).containsExactly(1L));
    }

    @Test
    void theLedgerPageQuotesBothSidesAndTheApproverAcknowledgesThere() throws Exception {
        var page = mvc.perform(get("/ledgers/{id}", ledgerId).with(user(approver))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("填报内容：“年度计划经区委审批，于1月15日报市备案”").contains("登记系统：年度计划尚未报市备案")
                .contains("填报状态为“已落实”，但年度计划逾期未报市备案").contains("还有 2 处未确认").contains("name=\"note\"");

        mvc.perform(post("/ledgers/{id}/sign-off", ledgerId).param("version", Integer.toString(version()))
                        .param("password", Fixtures.STRONG_PASSWORD).with(user(approver)).with(csrf()))
                .andExpect(flash().attribute("failure", "ledger.error.contradictions-unacknowledged"));
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);

        for (var c : contradictions.current(approver, ledgerId)) {
            mvc.perform(post("/ledgers/{id}/contradictions/{f}/acknowledge", ledgerId, c.fingerprint()).param("note", "已与登记系统核对")
                            .with(user(approver)).with(csrf()))
                    .andExpect(flash().attribute("success", "ledger.contradiction.acknowledged-saved"));
        }
        mvc.perform(post("/ledgers/{id}/sign-off", ledgerId).param("version", Integer.toString(version()))
                        .param("password", Fixtures.STRONG_PASSWORD).with(user(approver)).with(csrf()))
                .andExpect(flash().attribute("success", "ledger.moved.SIGN_OFF"));

        // The city reads the flags as they stood at sign-off, with the approver's notes.
        var cityPage = mvc.perform(get("/ledgers/{id}", ledgerId).with(user(city))).andReturn().getResponse().getContentAsString();
        assertThat(cityPage).contains("填报内容：“年度计划经区委审批，于1月15日报市备案”").contains("已确认").contains("已与登记系统核对")
                .doesNotContain("name=\"note\"");
    }

    @Test
    void theDashboardShowsTheContradictionsKeptAtSubmissionAndItsFilterShowsOnlyLedgersWithThem() throws Exception {
        var fangshan = units.findByCode("110111").orElseThrow();
        var mentougou = units.findByCode("110109").orElseThrow();
        // A round of two: 门头沟区 with contradictions, 房山区 (a ledger only, no register data) without.
        var round = ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear() - 1, "矛盾筛选测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), List.of(mentougou.id(), fangshan.id()));
        var withFlags = ledgers.ledgerOf(round.id(), mentougou.id());
        var without = ledgers.ledgerOf(round.id(), fangshan.id());
        ledgers.saveHeader(reporter, withFlags, 0, "王芳", "010-69841234");
        for (var entry : ledgers.entries(reporter, withFlags)) {
            ledgers.saveEntry(reporter, withFlags, entry.requirementId(), new EntryDraft(entry.requirementId() == planRequirement(round)
                    ? EntryStatus.IMPLEMENTED : EntryStatus.PARTIAL, entry.requirementId() == planRequirement(round) ? CLAIM : "正在分步推进。",
                    null, entry.version()));
        }
        // A draft the district is still writing shows the city no contradictions.
        assertThat(dashboard(round.id(), false)).doesNotContain("href=\"/ledgers/" + withFlags + "#contradictions\"");

        ledgers.move(reporter, withFlags, ledgers.readable(reporter, withFlags).version(), LedgerAction.SUBMIT, null);
        var all = dashboard(round.id(), false);
        assertThat(all).contains("/ledgers/" + withFlags + "\"").contains("/ledgers/" + without + "\"")
                .contains("href=\"/ledgers/" + withFlags + "#contradictions\"").contains("只看有矛盾的");
        assertThat(dashboard(round.id(), true)).contains("/ledgers/" + withFlags + "\"").doesNotContain("/ledgers/" + without + "\"");

        var sideBySide = mvc.perform(get("/ledger/rounds/{id}/requirements/1", round.id()).with(user(city)))
                .andReturn().getResponse().getContentAsString();
        assertThat(sideBySide).contains("填报内容：“年度计划经区委审批，于1月15日报市备案”").contains("登记系统：年度计划尚未报市备案");

        // Returned to the reporter, it is a draft being written again: the count kept at submission is gone.
        ledgers.move(approver, withFlags, ledgers.readable(approver, withFlags).version(), LedgerAction.RETURN_TO_REPORTER, "请核对第1条");
        assertThat(dashboard(round.id(), true)).doesNotContain("/ledgers/" + withFlags + "\"");
    }

    private String dashboard(long roundId, boolean contradicting) throws Exception {
        return mvc.perform(get("/ledger/rounds/{id}", roundId).param("contradicting", Boolean.toString(contradicting)).with(user(city)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSignedLedgersKeptFlagsReadInEnglishWithTheFiguresPluralForms() throws Exception {
        // Last year's cleanup of 门头沟区: two items, one retained, none removed: the 50% target is missed.
        var mentougou = units.findByCode("110109").orElseThrow();
        int year = LocalDate.now(clock).getYear() - 1;
        cleanups.add(reporter, mentougou.id(), year, "教学常规检查", "区教委通知", "区教委", InspectionCategory.values()[0]);
        var retained = cleanups.add(reporter, mentougou.id(), year, "安全检查", "区教委通知", "区教委", InspectionCategory.values()[0]);
        cleanups.mark(reporter, retained.id(), retained.version(), BaselineOutcome.RETAINED, null, null);
        var cleanupRequirement = templates.get(ledgers.round(roundId).templateId()).requirementFor("2021-04").orElseThrow().id();
        ledgers.move(approver, ledgerId, version(), LedgerAction.RETURN_TO_REPORTER, "第4条请改为已落实");
        var entry = ledgers.entryOf(ledgerId, cleanupRequirement);
        ledgers.saveEntry(reporter, ledgerId, cleanupRequirement, new EntryDraft(EntryStatus.IMPLEMENTED, "已完成集中清理。", null, entry.version()));
        ledgers.move(reporter, ledgerId, version(), LedgerAction.SUBMIT, null);
        assertThat(contradictions.current(approver, ledgerId)).extracting(LedgerContradictions.Shown::figureKey).contains("inspection.cleanup");

        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        assertThat(state()).isEqualTo(LedgerState.SUBMITTED);
        var english = mvc.perform(get("/ledgers/{id}", ledgerId).param("lang", "en").with(user(city))).andReturn().getResponse();
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getContentAsString()).contains("2 items before, 1 retained, 0.0% less")
                .contains("The cleanup removed less than 50%").contains(LedgerSteps.NOTE);
    }

    private long planRequirement(LedgerRound round) {
        return templates.get(round.templateId()).requirementFor("2021-01").orElseThrow().id();
    }
}
