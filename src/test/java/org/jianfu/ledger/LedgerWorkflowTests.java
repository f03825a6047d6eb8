package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The whole cycle through the pages: open, fill in, submit, sign off, return, resubmit, accept, reopen. */
@JianfuIntegrationTest
class LedgerWorkflowTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired EntryHistory entryHistory;
    @Autowired AnswerQualityWarnings qualityWarnings;

    LedgerRound round;
    long haidianLedger;
    long chaoyangLedger;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    @BeforeEach
    void aRoundIsOpen() {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "测试轮次 " + System.nanoTime(),
                LocalDate.of(2026, 3, 31), List.of());
        haidianLedger = ledgerOf(fixtures.haidian().id());
        chaoyangLedger = ledgerOf(fixtures.chaoyang().id());
    }

    long ledgerOf(long unitId) {
        return jdbc.sql("select id from ledger where round_id = ? and unit_id = ?").params(round.id(), unitId)
                .query(Long.class).single();
    }

    long requirementId(int number) {
        return jdbc.sql("select id from template_requirement where template_id = ? and number = ?")
                .params(round.templateId(), number).query(Long.class).single();
    }

    int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    /** Fills every entry and the header through the service, as the reporter. */
    void fillIn(long ledgerId, String reporter) {
        var me = as(reporter);
        ledgers.saveHeader(me, ledgerId, version(ledgerId), "李静", "010-62345678");
        for (var entry : ledgers.entries(ledgerId)) {
            ledgers.saveEntry(me, ledgerId, entry.requirementId(),
                    new EntryDraft(EntryStatus.IMPLEMENTED, "已按要求落实，建立了工作台账。", null, entry.version()));
        }
    }

    @Test
    void openingARoundGivesEveryDistrictALedgerWithAnEntryPerRequirement() {
        var count = jdbc.sql("select count(*) from ledger where round_id = ?").param(round.id()).query(Long.class).single();
        assertThat(count).isEqualTo(18);
        assertThat(ledgers.entries(haidianLedger)).hasSize(24);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ledger.round-opened' and object_id = ?")
                .param(Long.toString(round.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theReportersAutosaveStoresANewVersionWithHistoryAndAuditRow() throws Exception {
        var req = requirementId(4);
        mvc.perform(post("/ledgers/{id}/entries/{r}", haidianLedger, req).header("HX-Request", "true")
                        .with(user(as("haidian.reporter"))).with(csrf())
                        .param("status", "PARTIAL").param("text", "已清理督查检查事项，减少52%。\n第二段。").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已保存")))
                .andExpect(content().string(containsString("value=\"1\"")));
        var entry = jdbc.sql("select text, version from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(haidianLedger, req).query((rs, n) -> rs.getString(1) + "|" + rs.getInt(2)).single();
        assertThat(entry).isEqualTo("已清理督查检查事项，减少52%。\n第二段。|1");
        var entryId = jdbc.sql("select id from ledger_entry where ledger_id = ? and requirement_id = ?").params(haidianLedger, req)
                .query(Long.class).single();
        assertThat(entryHistory.of(entryId)).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.status()).isEqualTo(EntryStatus.PARTIAL);
            assertThat(v.text()).isEqualTo("已清理督查检查事项，减少52%。\n第二段。");
            assertThat(v.savedBy()).isEqualTo("haidian.reporter");
        });
        assertThat(jdbc.sql("select after->>'text' from audit_event where action = 'ledger.entry-saved' order by seq desc limit 1")
                .query(String.class).single()).startsWith("已清理督查检查事项");
    }

    @Test
    void aVersionSavedWithoutASignedInSessionIsShownUnderTheReportersNameWhileTheAuditRowNamesTheSystem() {
        var req = requirementId(9);
        var entry = ledgers.entries(haidianLedger).stream().filter(e -> e.requirementId() == req).findFirst().orElseThrow();
        // as the demo data and the import do: the service is called for the reporter, with nobody signed in
        ledgers.saveEntry(as("haidian.reporter"), haidianLedger, req,
                new EntryDraft(EntryStatus.IN_PROGRESS, "正在梳理。", null, entry.version()));
        assertThat(entryHistory.of(entry.id())).last().satisfies(v -> {
            assertThat(v.text()).isEqualTo("正在梳理。");
            assertThat(v.savedBy()).isEqualTo("haidian.reporter");
        });
        assertThat(jdbc.sql("select actor_username from audit_event where action = 'ledger.entry-saved' and object_id = ? order by seq desc limit 1")
                .param(Long.toString(entry.id())).query(String.class).single()).isEqualTo("system");
    }

    @Test
    void whenTwoPeopleEditTheSameEntryTheSecondSaveIsRefusedAndShowsBothVersions() throws Exception {
        var req = requirementId(7);
        var second = fixtures.account(org.jianfu.account.Role.DISTRICT_REPORTER, fixtures.haidian());
        mvc.perform(post("/ledgers/{id}/entries/{r}", haidianLedger, req).header("HX-Request", "true")
                        .with(user(as("haidian.reporter"))).with(csrf())
                        .param("status", "IMPLEMENTED").param("text", "甲的版本").param("version", "0"))
                .andExpect(status().isOk());
        mvc.perform(post("/ledgers/{id}/entries/{r}", haidianLedger, req).header("HX-Request", "true")
                        .with(user(as(second))).with(csrf())
                        .param("status", "PARTIAL").param("text", "乙的版本").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("甲的版本")))
                .andExpect(content().string(containsString("乙的版本")))
                .andExpect(content().string(containsString(as("haidian.reporter").displayName() + " 在您之后保存了此条")));
        assertThat(jdbc.sql("select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(haidianLedger, req).query(String.class).single()).isEqualTo("甲的版本");
    }

    @Test
    void anIncompleteLedgerCannotBeSubmittedAndTheGapsAreListed() throws Exception {
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(as("haidian.reporter"))).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))))
                .andExpect(flash().attribute("failure", "ledger.error.incomplete"));
        assertThat(ledgers.readable(as("haidian.reporter"), haidianLedger).state()).isEqualTo(LedgerState.DRAFT);
    }

    @Test
    void notApplicableNeedsAReasonInsteadOfAText() {
        fillIn(haidianLedger, "haidian.reporter");
        var me = as("haidian.reporter");
        var entry = ledgers.entries(haidianLedger).get(19);
        // Refused as it is saved (issue 13), so the submission never meets it.
        assertThatThrownBy(() -> ledgers.saveEntry(me, haidianLedger, entry.requirementId(),
                new EntryDraft(EntryStatus.NOT_APPLICABLE, "", null, entry.version())))
                .isInstanceOf(org.jianfu.platform.RuleViolation.class).hasMessage("ledger.error.reason-required");
        var now = ledgers.entries(haidianLedger).get(19);
        ledgers.saveEntry(me, haidianLedger, now.requirementId(),
                new EntryDraft(EntryStatus.NOT_APPLICABLE, "", "本区无寄宿制学校", now.version()));
        assertThat(ledgerSteps.take(me, haidianLedger, version(haidianLedger), LedgerAction.SUBMIT, null).state())
                .isEqualTo(LedgerState.PENDING_APPROVAL);
    }

    @Test
    void theWholeCycleRunsAndTheCitySeesWhatChangedSinceItReturnedTheLedger() throws Exception {
        fillIn(haidianLedger, "haidian.reporter");
        var reporter = as("haidian.reporter");
        var approver = as("haidian.approver");
        var city = as("city.admin");
        ledgerSteps.take(reporter, haidianLedger, version(haidianLedger), LedgerAction.SUBMIT, null);
        ledgerSteps.take(approver, haidianLedger, version(haidianLedger), LedgerAction.SIGN_OFF, null);
        ledgerSteps.take(city, haidianLedger, version(haidianLedger), LedgerAction.RETURN_TO_DISTRICT, "第4条请补充清理比例");
        var entry4 = ledgers.entries(haidianLedger).get(3);
        ledgers.saveEntry(reporter, haidianLedger, entry4.requirementId(),
                new EntryDraft(EntryStatus.IMPLEMENTED, "清理后保留事项减少58%，7月20日报市备案。", null, entry4.version()));
        ledgerSteps.take(reporter, haidianLedger, version(haidianLedger), LedgerAction.SUBMIT, null);
        ledgerSteps.take(approver, haidianLedger, version(haidianLedger), LedgerAction.SIGN_OFF, null);

        mvc.perform(get("/ledgers/{id}/changes", haidianLedger).with(user(city)))
                .andExpect(content().string(containsString("<del>已按要求落实，建立了工作台账。</del>")))
                .andExpect(content().string(containsString("58%")));

        ledgerSteps.take(city, haidianLedger, version(haidianLedger), LedgerAction.ACCEPT, null);
        assertThat(ledgers.readable(city, haidianLedger).state()).isEqualTo(LedgerState.ACCEPTED);
        var accepted = ledgers.entries(haidianLedger).get(0);
        assertThatThrownBy(() -> ledgers.saveEntry(reporter, haidianLedger, accepted.requirementId(),
                new EntryDraft(EntryStatus.PARTIAL, "改动", null, accepted.version())))
                .isInstanceOf(LedgerNotEditableException.class);

        assertThatThrownBy(() -> ledgerSteps.take(city, haidianLedger, version(haidianLedger), LedgerAction.REOPEN, " "))
                .isInstanceOf(org.jianfu.platform.RuleViolation.class);
        ledgerSteps.take(city, haidianLedger, version(haidianLedger), LedgerAction.REOPEN, "发现第4条数据有误，请核实");
        assertThat(ledgers.editableBy(reporter, ledgers.readable(reporter, haidianLedger))).isTrue();
        assertThat(ledgers.transitions(haidianLedger)).extracting(LedgerRepository.Transition::action).containsExactly(
                LedgerAction.SUBMIT, LedgerAction.SIGN_OFF, LedgerAction.RETURN_TO_DISTRICT, LedgerAction.SUBMIT,
                LedgerAction.SIGN_OFF, LedgerAction.ACCEPT, LedgerAction.REOPEN);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ledger' and object_id = ? and action like 'ledger.%'")
                .param(Long.toString(haidianLedger)).query(Long.class).single()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aDistrictCannotReadOrChangeAnotherDistrictsLedgerByDirectUrl() throws Exception {
        var haidian = user(as("haidian.reporter"));
        mvc.perform(get("/ledgers/{id}", chaoyangLedger).with(haidian)).andExpect(status().isNotFound());
        mvc.perform(post("/ledgers/{id}/entries/{r}", chaoyangLedger, requirementId(1)).header("HX-Request", "true")
                        .with(haidian).with(csrf()).param("text", "越权").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/ledgers/{id}/submit", chaoyangLedger).with(haidian).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/ledgers/{id}/header", chaoyangLedger).with(haidian).with(csrf())
                        .param("contactPerson", "x").param("contactPhone", "13800000000").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ledger/rounds/{id}", round.id()).with(haidian)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from ledger_entry where ledger_id = ? and version > 0").param(chaoyangLedger)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theCityDashboardAndTheSideBySidePageShowEveryDistrict() throws Exception {
        fillIn(haidianLedger, "haidian.reporter");
        mvc.perform(get("/ledger/rounds/{id}", round.id()).with(user(as("city.admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("海淀区教育委员会")))
                .andExpect(content().string(containsString("北京经济技术开发区社会事业局")))
                .andExpect(content().string(containsString("cell IMPLEMENTED")));
        mvc.perform(get("/ledger/rounds/{id}/requirements/4", round.id()).with(user(as("supervisor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已按要求落实，建立了工作台账。")))
                .andExpect(content().string(containsString("朝阳区教育委员会")));
    }

    @Test
    void aLedgerNobodyHasSavedInIsNotStartedOnEveryPageAndDraftingOnceSomethingIsSaved() throws Exception {
        assertThat(chaoyangBadges()).containsExactly("未开始", "未开始", "未开始", "未开始", "未开始");

        var entry = ledgers.entries(chaoyangLedger).get(0);
        ledgers.saveEntry(as("chaoyang.reporter"), chaoyangLedger, entry.requirementId(),
                new EntryDraft(EntryStatus.IN_PROGRESS, "正在梳理本区事项。", null, entry.version()));
        assertThat(chaoyangBadges()).containsExactly("填写中", "填写中", "填写中", "填写中", "填写中");
    }

    /** The state badge of 朝阳区's ledger in this round on each page that shows it. */
    private List<String> chaoyangBadges() throws Exception {
        record BadgeOn(RequestBuilder page, String after) {
        }
        var city = user(as("city.admin"));
        var reporter = user(as("chaoyang.reporter"));
        var pages = List.of(
                new BadgeOn(get("/ledger/rounds/{id}", round.id()).with(city), "朝阳区教育委员会</a>"),
                new BadgeOn(get("/ledger/rounds/{id}/requirements/4", round.id()).with(city), "朝阳区教育委员会</a>"),
                new BadgeOn(get("/ledgers/{id}", chaoyangLedger).with(reporter), "class=\"page-head\""),
                new BadgeOn(get("/").with(reporter), round.title() + "</a>"),
                new BadgeOn(get("/ledger").with(reporter), round.title() + "</a>"));
        var badge = Pattern.compile("<span class=\"badge\">([^<]+)</span>");
        var badges = new ArrayList<String>();
        for (var on : pages) {
            var body = mvc.perform(on.page()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var at = body.indexOf(on.after());
            assertThat(at).as(on.after()).isNotNegative();
            var found = badge.matcher(body);
            assertThat(found.find(at)).as("a badge after " + on.after()).isTrue();
            badges.add(found.group(1));
        }
        return badges;
    }

    @Test
    void aDistrictSeesItsOpenRoundsOnItsHomePage() throws Exception {
        mvc.perform(get("/").with(user(as("chaoyang.reporter"))))
                .andExpect(content().string(containsString("进行中的台账填报")))
                .andExpect(content().string(containsString(round.title())));
    }

    @Test
    void everyLedgerPageRendersInBothLanguagesWithoutMissingMessages() throws Exception {
        fillIn(haidianLedger, "haidian.reporter");
        ledgerSteps.take(as("haidian.reporter"), haidianLedger, version(haidianLedger), LedgerAction.SUBMIT, null);
        var pages = java.util.Map.of(
                "city.admin", List.of("/ledger", "/ledger/rounds/" + round.id(), "/ledger/rounds/" + round.id() + "?matter=2",
                        "/ledger/rounds/" + round.id() + "/requirements/1", "/ledgers/" + haidianLedger, "/ledgers/" + chaoyangLedger),
                "haidian.reporter", List.of("/", "/ledger", "/ledgers/" + haidianLedger),
                "haidian.approver", List.of("/", "/ledger", "/ledgers/" + haidianLedger),
                "chaoyang.reporter", List.of("/", "/ledgers/" + chaoyangLedger));
        for (var entry : pages.entrySet()) {
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var body = mvc.perform(get(page).param("lang", lang).with(user(as(entry.getKey()))))
                            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    assertThat(body).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??");
                }
            }
        }
    }

    @Test
    void anEntrysHistoryShowsTheDifferenceBetweenAnyTwoVersions() throws Exception {
        var reporter = as("haidian.reporter");
        var req = requirementId(5);
        var v1 = ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.IN_PROGRESS, "专项督导每年一次。", null, 0));
        var v2 = ledgers.saveEntry(reporter, haidianLedger, req,
                new EntryDraft(EntryStatus.IN_PROGRESS, "专项督导每年一次。检查改为每学期2次。", null, v1.version()));
        ledgers.saveEntry(reporter, haidianLedger, req,
                new EntryDraft(EntryStatus.IMPLEMENTED, "专项督导每年不超过一次。检查改为每学期2次。", null, v2.version()));
        mvc.perform(get("/ledgers/{id}/entries/{r}", haidianLedger, req).param("from", "1").param("to", "3")
                        .with(user(as("city.admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<del>专项督导每年一次。</del>")))
                .andExpect(content().string(containsString("<ins>专项督导每年不超过一次。检查改为每学期2次。</ins>")));
        mvc.perform(get("/ledgers/{id}/entries/{r}", haidianLedger, req).param("from", "1").param("to", "2")
                        .with(user(as("haidian.approver"))))
                .andExpect(content().string(containsString("<ins>检查改为每学期2次。</ins>")));
    }

    @Test
    void theCityAndTheDistrictDiscussAnEntryInItsCommentThread() throws Exception {
        var req = requirementId(4);
        mvc.perform(post("/ledgers/{id}/entries/{r}/comments", haidianLedger, req).with(user(as("city.admin"))).with(csrf())
                        .param("body", "请补充清理前后的事项数量。"))
                .andExpect(flash().attribute("success", "ledger.comment-added"));
        mvc.perform(post("/ledgers/{id}/entries/{r}/comments", haidianLedger, req).with(user(as("haidian.reporter"))).with(csrf())
                        .param("body", "清理前31项，保留13项。"))
                .andExpect(flash().attribute("success", "ledger.comment-added"));
        mvc.perform(post("/ledgers/{id}/entries/{r}/comments", haidianLedger, req).with(user(as("chaoyang.reporter"))).with(csrf())
                        .param("body", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/ledgers/{id}/entries/{r}/comments", haidianLedger, req).with(user(as("haidian.reporter"))).with(csrf())
                        .param("body", "  "))
                .andExpect(flash().attribute("failure", "ledger.error.comment-required"));
        mvc.perform(get("/ledgers/{id}/entries/{r}", haidianLedger, req).with(user(as("haidian.approver"))))
                .andExpect(content().string(containsString("请补充清理前后的事项数量。")))
                .andExpect(content().string(containsString("清理前31项，保留13项。")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("越权"))));
        mvc.perform(get("/ledgers/{id}", haidianLedger).with(user(as("haidian.reporter"))))
                .andExpect(content().string(containsString("历史版本（0）与意见（2）")));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ledger.comment-added' and after->>'body' like '清理前31项%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void submittingWarnsAboutWeakAnswersOnceAndThenSubmitsAnywayAndTheCitySeesTheFlags() throws Exception {
        fillIn(chaoyangLedger, "chaoyang.reporter");
        var shared = "区教委牵头制定督查检查事项审批报备办法，其他部门拟开展的事项一律商区教委后按程序报批";
        var chaoyang2 = ledgers.entries(chaoyangLedger).get(1);
        ledgers.saveEntry(as("chaoyang.reporter"), chaoyangLedger, chaoyang2.requirementId(),
                new EntryDraft(EntryStatus.IMPLEMENTED, shared + "。", null, chaoyang2.version()));
        var reporter = as("haidian.reporter");
        ledgers.saveHeader(reporter, haidianLedger, version(haidianLedger), "李静", "13812345678");
        int n = 0;
        for (var entry : ledgers.entries(haidianLedger)) {
            n++;
            var text = n == 1 ? "已落实。" // very short
                    : n == 2 ? shared + "！" // the other unit's words with other punctuation
                    : "第" + n + "条：区教委制定专门方案，明确责任科室，按季度调度推进，台账编号" + (1000 + n * 37) + "，已印发全区执行。";
            ledgers.saveEntry(reporter, haidianLedger, entry.requirementId(), new EntryDraft(EntryStatus.IMPLEMENTED, text, null, entry.version()));
        }
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))))
                .andExpect(flash().attributeExists("warnings"));
        assertThat(ledgers.readable(reporter, haidianLedger).state()).as("a warning alone does not move it").isEqualTo(LedgerState.DRAFT);
        var warnings = ledgers.qualityWarnings(reporter, haidianLedger);
        assertThat(warnings).extracting(AnswerQualityWarnings.Warning::number, AnswerQualityWarnings.Warning::flag).contains(
                org.assertj.core.groups.Tuple.tuple(1, AnswerQuality.Flag.TOO_SHORT),
                org.assertj.core.groups.Tuple.tuple(2, AnswerQuality.Flag.SAME_AS_OTHER_UNIT));
        assertThat(warnings.stream().filter(w -> w.flag() == AnswerQuality.Flag.SAME_AS_OTHER_UNIT).findFirst().orElseThrow()
                .otherUnitName()).isEqualTo("朝阳区教育委员会");

        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))).param("acknowledged", "true"))
                .andExpect(flash().attribute("success", "ledger.moved.SUBMIT"));
        assertThat(qualityWarnings.flagCounts(round.id()).get(haidianLedger)).isEqualTo(warnings.size());
        mvc.perform(get("/ledgers/{id}/quality", haidianLedger).with(user(as("city.admin"))))
                .andExpect(content().string(containsString("第 2 条：与朝阳区教育委员会的填报内容几乎相同")));
    }

    @Test
    void aWrongPhoneNumberIsRefusedNextToTheField() throws Exception {
        mvc.perform(post("/ledgers/{id}/header", haidianLedger).with(user(as("haidian.reporter"))).with(csrf())
                        .param("contactPerson", "李静").param("contactPhone", "12345").param("version", Integer.toString(version(haidianLedger))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("电话格式不正确")));
    }
}
