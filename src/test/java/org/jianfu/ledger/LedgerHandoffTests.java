package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

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

/**
 * Issue 13: a ledger handed back and forth says why it came back and what changed, autosave refuses what a
 * submission would refuse, the submit question comes after the completeness check, and the pages name the
 * round, the people and the versions as they are.
 */
@JianfuIntegrationTest
class LedgerHandoffTests {

    static final String FILLED = "已按要求落实，建立了工作台账。";

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired EntryComments comments;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    LedgerRound round;
    long haidianLedger;
    long chaoyangLedger;
    AccountPrincipal reporter;
    AccountPrincipal approver;
    AccountPrincipal city;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    @BeforeEach
    void aRoundIsOpen() {
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "交接测试轮次 " + System.nanoTime(), LocalDate.of(2026, 3, 31),
                List.of(fixtures.haidian().id(), fixtures.chaoyang().id()));
        haidianLedger = ledgers.ledgerOf(round.id(), fixtures.haidian().id());
        chaoyangLedger = ledgers.ledgerOf(round.id(), fixtures.chaoyang().id());
        reporter = as("haidian.reporter");
        approver = as("haidian.approver");
        city = as("city.admin");
    }

    int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    long requirementId(int number) {
        return jdbc.sql("select id from template_requirement where template_id = ? and number = ?")
                .params(round.templateId(), number).query(Long.class).single();
    }

    void fillIn(long ledgerId, AccountPrincipal me) {
        ledgers.saveHeader(me, ledgerId, version(ledgerId), "李静", "010-62345678");
        for (var entry : ledgers.entries(ledgerId)) {
            ledgers.saveEntry(me, ledgerId, entry.requirementId(), new EntryDraft(EntryStatus.IMPLEMENTED, FILLED, null, entry.version()));
        }
    }

    void write(long ledgerId, int number, String text) {
        var entry = ledgers.entryOf(ledgerId, requirementId(number));
        ledgers.saveEntry(reporter, ledgerId, entry.requirementId(), new EntryDraft(EntryStatus.IMPLEMENTED, text, null, entry.version()));
    }

    void step(AccountPrincipal me, LedgerAction action, String comment) {
        ledgerSteps.take(me, haidianLedger, version(haidianLedger), action, comment);
    }

    String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The part of a page between two markers (each the first occurrence from where the previous one was found). */
    static String between(String body, String from, String to) {
        var start = body.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        var end = body.indexOf(to, start);
        assertThat(end).as(to).isGreaterThan(start);
        return body.substring(start, end);
    }

    @Test
    void aReturnedLedgerSaysWhyAtTheTopAndShowsEachCommentOnTheRequirementItConcerns() throws Exception {
        fillIn(haidianLedger, reporter);
        step(reporter, LedgerAction.SUBMIT, null);
        step(approver, LedgerAction.SIGN_OFF, null);
        comments.comment(city, haidianLedger, requirementId(4), "请补充清理前后的事项数量。");
        comments.comment(city, haidianLedger, requirementId(9), "第9条请写明培训学时。");
        step(city, LedgerAction.RETURN_TO_DISTRICT, "第4条和第9条不完整，请补充后重新报送");

        var body = page(get("/ledgers/{id}", haidianLedger).with(user(reporter)));
        var top = between(body, "<main", "class=\"ledger-table\"");
        assertThat(top).as("the reason, above the table").contains("第4条和第9条不完整，请补充后重新报送")
                .contains(city.displayName()).contains("退回区教委修改");
        assertThat(between(body, "id=\"entry-" + requirementId(4) + "\"", "id=\"entry-" + requirementId(5) + "\""))
                .contains("请补充清理前后的事项数量。").doesNotContain("第9条请写明培训学时。");
        assertThat(between(body, "id=\"entry-" + requirementId(9) + "\"", "id=\"entry-" + requirementId(10) + "\""))
                .contains("第9条请写明培训学时。").doesNotContain("请补充清理前后的事项数量。");

        // Once submitted again, the return is history: the page no longer leads with it.
        step(reporter, LedgerAction.SUBMIT, null);
        assertThat(between(page(get("/ledgers/{id}", haidianLedger).with(user(approver))), "<main", "class=\"ledger-table\""))
                .doesNotContain("第4条和第9条不完整");
    }

    @Test
    void theDistrictApproversReturnIsShownAtTheTopToo() throws Exception {
        fillIn(haidianLedger, reporter);
        step(reporter, LedgerAction.SUBMIT, null);
        step(approver, LedgerAction.RETURN_TO_REPORTER, "联系电话写错了，请改为办公室座机");
        assertThat(between(page(get("/ledgers/{id}", haidianLedger).with(user(reporter))), "<main", "class=\"ledger-table\""))
                .contains("联系电话写错了，请改为办公室座机").contains(approver.displayName()).contains("退回填报人");
    }

    @Test
    void afterResubmissionTheApproverAndTheCitySeeWhatChangedSinceTheLastSubmissionInOneView() throws Exception {
        fillIn(haidianLedger, reporter);
        step(reporter, LedgerAction.SUBMIT, null);                              // submission 1
        step(approver, LedgerAction.RETURN_TO_REPORTER, "第4条请写具体");
        write(haidianLedger, 4, "中间稿，尚未写完");                              // an autosave, never submitted
        write(haidianLedger, 4, "清理后保留事项减少58%，7月20日报市备案。");
        step(reporter, LedgerAction.SUBMIT, null);                              // submission 2

        var forApprover = page(get("/ledgers/{id}/changes", haidianLedger).with(user(approver)));
        assertThat(forApprover).contains("第 4 条工作要求").doesNotContain("第 5 条工作要求")
                .contains("<ins>清理后保留事项减少58%，7月20日报市备案。</ins>").contains("<del>" + FILLED + "</del>")
                .as("versions are per submission, not per autosave").doesNotContain("中间稿");
        assertThat(page(get("/ledgers/{id}", haidianLedger).with(user(approver))))
                .contains("第 2 次提交与第 1 次提交相比，有 1 条工作要求的填报有修改。");

        step(approver, LedgerAction.SIGN_OFF, null);
        step(city, LedgerAction.RETURN_TO_DISTRICT, "第5条请补充");
        write(haidianLedger, 5, "每学期督导不超过一次。");
        step(reporter, LedgerAction.SUBMIT, null);                              // submission 3
        step(approver, LedgerAction.SIGN_OFF, null);

        var forCity = page(get("/ledgers/{id}/changes", haidianLedger).with(user(city)));
        assertThat(forCity).as("against the submission the city had before").contains("第 5 条工作要求")
                .contains("<ins>每学期督导不超过一次。</ins>").doesNotContain("第 4 条工作要求");
        assertThat(page(get("/ledgers/{id}/changes", haidianLedger).param("from", "1").param("to", "3").with(user(as("supervisor")))))
                .contains("第 4 条工作要求").contains("第 5 条工作要求");

        // The entry's history says which version each submission sent.
        var history = page(get("/ledgers/{id}/entries/{r}", haidianLedger, requirementId(4)).with(user(city)));
        assertThat(between(history, "class=\"table compact submitted-versions\"", "</table>"))
                .containsSubsequence("第 1 次提交", "第 1 版", "第 2 次提交", "第 3 版", "第 3 次提交", "第 3 版");
    }

    @Test
    void aNotApplicableStatusWithoutAReasonIsRefusedWhenSavedWithAClearMessageAtTheEntry() throws Exception {
        var req = requirementId(20);
        var answer = mvc.perform(post("/ledgers/{id}/entries/{r}", haidianLedger, req).header("HX-Request", "true")
                        .with(user(reporter)).with(csrf()).param("status", "NOT_APPLICABLE").param("text", "").param("naReason", " ")
                        .param("version", "0"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("未保存").contains("选择“不适用”须填写不适用原因");
        assertThat(ledgers.entryOf(haidianLedger, req).version()).as("nothing saved").isZero();
        mvc.perform(post("/ledgers/{id}/entries/{r}", haidianLedger, req).with(user(reporter)).with(csrf())
                        .param("status", "NOT_APPLICABLE").param("text", "").param("version", "0"))
                .andExpect(flash().attribute("failure", "ledger.error.reason-required"));
        assertThat(ledgers.entryOf(haidianLedger, req).version()).as("nor without script").isZero();
        // With its reason, it saves.
        ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.NOT_APPLICABLE, "", "本区无寄宿制学校", 0));
        assertThat(ledgers.entryOf(haidianLedger, req).naReason()).isEqualTo("本区无寄宿制学校");
    }

    @Test
    void theSubmitQuestionComesOnlyAfterTheCompletenessCheckPassed() throws Exception {
        var form = between(page(get("/ledgers/{id}", haidianLedger).with(user(reporter))), "action=\"/ledgers/" + haidianLedger + "/submit\"", ">");
        assertThat(form).as("no question asked before the check").doesNotContain("data-confirm");
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))))
                .andExpect(flash().attribute("failure", "ledger.error.incomplete"))
                .andExpect(flash().attribute("confirmSubmit", org.hamcrest.Matchers.nullValue()));

        fillIn(haidianLedger, reporter);
        // Complete: now the question, on the ledger page (BrowserTests shows it there); nothing moves until it is answered.
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))))
                .andExpect(flash().attribute("confirmSubmit", true));
        assertThat(ledgers.readable(reporter, haidianLedger).state()).isEqualTo(LedgerState.DRAFT);
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                        .param("version", Integer.toString(version(haidianLedger))).param("acknowledged", "true"))
                .andExpect(flash().attribute("success", "ledger.moved.SUBMIT"));
        assertThat(ledgers.readable(reporter, haidianLedger).state()).isEqualTo(LedgerState.PENDING_APPROVAL);
    }

    @Test
    void theLedgerShowsHowManyRequirementsAreFilledInAndLinksToTheNextEmptyOne() throws Exception {
        var first = ledgers.entryOf(haidianLedger, requirementId(1));
        ledgers.saveEntry(reporter, haidianLedger, first.requirementId(), new EntryDraft(EntryStatus.IMPLEMENTED, FILLED, null, 0));
        ledgers.saveEntry(reporter, haidianLedger, requirementId(2), new EntryDraft(EntryStatus.NOT_APPLICABLE, "", "本区无此类学校", 0));
        ledgers.saveEntry(reporter, haidianLedger, requirementId(3), new EntryDraft(EntryStatus.PARTIAL, "", null, 0)); // no text yet
        var body = page(get("/ledgers/{id}", haidianLedger).with(user(reporter)));
        assertThat(between(body, "id=\"ledger-progress\"", "</div>")).contains("已填 2/24")
                .contains("href=\"#entry-" + requirementId(3) + "\"").contains("下一条未填");
        assertThat(page(get("/ledgers/{id}", haidianLedger).with(user(city)))).as("every reader sees it").contains("已填 2/24");
    }

    @Test
    void theSideBySidePageHidesEmptyAnswersOrShowsOnlyFlaggedOnes() throws Exception {
        fillIn(haidianLedger, reporter);
        write(haidianLedger, 4, "已落实。"); // very short: flagged at submission
        mvc.perform(post("/ledgers/{id}/submit", haidianLedger).with(user(reporter)).with(csrf())
                .param("version", Integer.toString(version(haidianLedger))).param("acknowledged", "true"));
        var page = "/ledger/rounds/{id}/requirements/{n}";
        assertThat(page(get(page, round.id(), 4).with(user(city)))).contains("海淀区教育委员会").contains("朝阳区教育委员会");
        assertThat(page(get(page, round.id(), 4).param("hideEmpty", "true").with(user(city))))
                .contains("海淀区教育委员会").doesNotContain("朝阳区教育委员会").contains("显示 1/2 个单位");
        assertThat(page(get(page, round.id(), 4).param("flagged", "true").with(user(city))))
                .contains("海淀区教育委员会").contains("过于简短").doesNotContain("朝阳区教育委员会").contains("显示 1/2 个单位");
    }

    @Test
    void theLedgerIsHeadedWithItsRoundsYearAndTitleNotTheTemplates() throws Exception {
        var body = page(get("/ledgers/{id}", haidianLedger).with(user(reporter)));
        assertThat(between(body, "<h1", "</h1>")).contains("2026").contains(round.title());
        assertThat(body).doesNotContain("2021年");
    }

    @Test
    void theFlowHistoryNamesPeopleByTheirRealNames() throws Exception {
        fillIn(haidianLedger, reporter);
        step(reporter, LedgerAction.SUBMIT, null);
        step(approver, LedgerAction.RETURN_TO_REPORTER, "请核对");
        var history = between(page(get("/ledgers/{id}", haidianLedger).with(user(city))), "流转记录", "</table>");
        assertThat(history).contains(reporter.displayName()).contains(approver.displayName())
                .doesNotContain("haidian.reporter").doesNotContain("haidian.approver");
    }

    @Test
    void whoLastSavedAnAnswerAndEachOfItsVersionsIsNamedByTheirRealNameNotTheirUsername() throws Exception {
        var req = requirementId(6);
        ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.IN_PROGRESS, "第一稿。", null, 0));
        var ledgerPage = between(page(get("/ledgers/{id}", haidianLedger).with(user(reporter))), "id=\"entry-state-" + req + "\"", "</p>");
        assertThat(ledgerPage).contains(reporter.displayName()).doesNotContain("haidian.reporter");
        var entryPage = page(get("/ledgers/{id}/entries/{r}", haidianLedger, req).with(user(approver)));
        assertThat(entryPage).contains(reporter.displayName()).doesNotContain("haidian.reporter");
    }

    @Test
    void theHistoryLinkCountsTheSavedVersionsAsWellAsTheComments() throws Exception {
        var req = requirementId(5);
        var v1 = ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.IN_PROGRESS, "第一稿。", null, 0));
        var v2 = ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.IN_PROGRESS, "第二稿。", null, v1.version()));
        ledgers.saveEntry(reporter, haidianLedger, req, new EntryDraft(EntryStatus.IN_PROGRESS, "第三稿。", null, v2.version()));
        comments.comment(city, haidianLedger, req, "请写明时间。");
        assertThat(between(page(get("/ledgers/{id}", haidianLedger).with(user(reporter))), "id=\"entry-" + req + "\"", "</td>"))
                .contains("历史版本（3）与意见（1）");
    }
}
