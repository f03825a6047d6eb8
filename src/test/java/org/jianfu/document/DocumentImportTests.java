package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Importing a filled-in file through the pages: upload, preview, apply; and when it is refused. */
@JianfuIntegrationTest
class DocumentImportTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    OpenRound round;
    RequestPostProcessor reporter;

    @BeforeEach
    void aRoundIsOpen() throws Exception {
        round = new OpenRound(ledgers, users, jdbc, fixtures.haidian().id(), fixtures.chaoyang().id());
        reporter = Logins.session(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
    }

    byte[] export(long ledgerId, String type) throws Exception {
        return mvc.perform(get("/ledgers/{id}/export/{type}", ledgerId, type).with(reporter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    /** Uploads a file and returns the preview page's apply token. */
    String upload(long ledgerId, String name, byte[] content) throws Exception {
        mvc.perform(multipart("/ledgers/{id}/import", ledgerId).file(file(name, content)).with(reporter).with(csrf()))
                .andExpect(redirectedUrl("/ledgers/" + ledgerId + "/import/preview"));
        var page = mvc.perform(get("/ledgers/{id}/import/preview", ledgerId).with(reporter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"").matcher(page);
        assertThat(token.find()).as("the preview offers to apply").isTrue();
        return token.group(1);
    }

    void apply(long ledgerId, String token) throws Exception {
        mvc.perform(post("/ledgers/{id}/import/apply", ledgerId).param("token", token).with(reporter).with(csrf()))
                .andExpect(redirectedUrl("/ledgers/" + ledgerId))
                .andExpect(flash().attribute("success", "document.import.applied"));
    }

    @Test
    void aWordExportImportedBackGivesTheSameAnswersAndHeader() throws Exception {
        roundTrip("docx");
    }

    @Test
    void anExcelExportImportedBackGivesTheSameAnswersAndHeader() throws Exception {
        roundTrip("xlsx");
    }

    void roundTrip(String type) throws Exception {
        var id = round.haidianLedger;
        round.fill(id, "haidian.reporter", "李静", "010-62345678", "");
        var exported = round.entries(id);
        var file = export(id, type);
        // Afterwards the ledger is changed: other answers, statuses and another contact.
        round.fill(id, "haidian.reporter", "张伟", "13812345678", "（改动后）");
        var me = round.as("haidian.reporter");
        var requirement = exported.keySet().iterator().next();
        ledgers.saveEntry(me, id, requirement, new EntryDraft(null, "", null, round.entries(id).get(requirement).version()));

        apply(id, upload(id, "海淀区台账." + type, file));

        var ledger = ledgers.readable(me, id);
        assertThat(ledger.contactPerson()).isEqualTo("李静");
        assertThat(ledger.contactPhone()).isEqualTo("010-62345678");
        var imported = round.entries(id);
        for (var entry : exported.values()) {
            var now = imported.get(entry.requirementId());
            assertThat(now.status()).isEqualTo(entry.status());
            assertThat(now.text()).isEqualTo(entry.text());
            assertThat(now.naReason()).isEqualTo(entry.naReason());
        }
    }

    String previewPage(long ledgerId, byte[] content) throws Exception {
        upload(ledgerId, "手填.docx", content);
        return mvc.perform(get("/ledgers/{id}/import/preview", ledgerId).with(reporter)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aFileSignedWithOneOfTheUnitsOtherNamesIsNotTakenForAnotherUnitsButOneOfAnotherDistrictIs() throws Exception {
        var id = round.haidianLedger;
        for (var name : List.of("海淀区教委", "海淀区教育委员会", "北京市海淀区教育委员会", "海淀教委", "北京市海淀区教委", "海淀区 教委")) {
            var page = previewPage(id, SampleLedgers.handFilledWord("报送单位：" + name, "联系人：王芳，电话：13912345678", n -> "答复" + n));
            assertThat(page).as(name).doesNotContain("与本台账的单位不同");
        }
        for (var name : List.of("朝阳区教委", "海淀区卫生健康委员会")) {
            var page = previewPage(id, SampleLedgers.handFilledWord("报送单位：" + name, "联系人：王芳，电话：13912345678", n -> "答复" + n));
            assertThat(page).as(name).contains("文件中的报送单位是“" + name + "”，与本台账的单位不同");
        }
    }

    @Test
    void aStatusWordAtTheStartOfAnAnswerSetsTheStatusAndOneThatContradictsTheLedgerIsShownInThePreview() throws Exception {
        var id = round.haidianLedger;
        round.fill(id, "haidian.reporter", "李静", "13812345678", "");
        // 4 is 已落实 and 1 is 部分落实 in the ledger (OpenRound.fill); the file says 部分落实 for both.
        var content = SampleLedgers.handFilledWord("报送单位：海淀区教育委员会", "联系人：李静，电话：13812345678",
                n -> n == 4 || n == 1 ? "部分落实。我区已制定实施方案，正在推进（见附件）。" : "已落实：第" + n + "条已完成。");
        var token = upload(id, "手填.docx", content);
        var page = mvc.perform(get("/ledgers/{id}/import/preview", id).with(reporter)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("文件中为『部分落实』，系统中为『已落实』").doesNotContain("没有注明落实状态");
        // Every row but 1 (the same), 5 (left blank) and the four others already 已落实 (8, 16, 20, 24).
        assertThat(Pattern.compile("文件中为『").matcher(page).results().count()).isEqualTo(24 - 1 - 1 - 4);
        var english = mvc.perform(get("/ledgers/{id}/import/preview", id).param("lang", "en").with(reporter))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("The file says “Partly implemented”, the ledger says “Implemented”");

        apply(id, token);

        var entries = round.entries(id);
        var four = entries.values().stream().filter(e -> round.number(e.requirementId()) == 4).findFirst().orElseThrow();
        assertThat(four.status()).isEqualTo(EntryStatus.PARTIAL);
        assertThat(four.text()).isEqualTo("我区已制定实施方案，正在推进（见附件）。\n　　二是建立台账，按月调度。");
        var seven = entries.values().stream().filter(e -> round.number(e.requirementId()) == 7).findFirst().orElseThrow();
        assertThat(seven.status()).isEqualTo(EntryStatus.IMPLEMENTED);
        assertThat(seven.text()).startsWith("第7条已完成。");
    }

    @Test
    void aNotApplicableAnswerWithoutAReasonIsNamedInThePreviewAndLeftOutWhileTheRestIsApplied() throws Exception {
        var id = round.haidianLedger;
        round.fill(id, "haidian.reporter", "李静", "13812345678", "");
        var content = SampleLedgers.handFilledWord("报送单位：海淀区教育委员会", "联系人：李静，电话：13812345678",
                n -> n == 3 ? "【不适用】" : "已落实：第" + n + "条已完成。");
        var before = round.entries(id).values().stream().filter(e -> round.number(e.requirementId()) == 3).findFirst().orElseThrow();
        var token = upload(id, "手填.docx", content);
        var page = mvc.perform(get("/ledgers/{id}/import/preview", id).with(reporter)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("文件中这一条标为不适用，但没有说明原因，未导入");

        apply(id, token);

        var entries = round.entries(id);
        var three = entries.values().stream().filter(e -> round.number(e.requirementId()) == 3).findFirst().orElseThrow();
        assertThat(three).isEqualTo(before);
        var seven = entries.values().stream().filter(e -> round.number(e.requirementId()) == 7).findFirst().orElseThrow();
        assertThat(seven.text()).startsWith("第7条已完成。");
    }

    @Test
    void theUploadChangesNothingUntilThePreviewIsAppliedAndThenEachChangeIsAVersionInTheAuditTrail() throws Exception {
        var id = round.haidianLedger;
        var before = round.entries(id);
        var audit = round.auditRows();
        var token = upload(id, "手填.docx", SampleLedgers.handFilledWord());
        var page = mvc.perform(get("/ledgers/{id}/import/preview", id).with(reporter)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第1条：我区已制定实施方案。", "王芳", "13912345678", "文件中这一条没有填写，保留当前内容。",
                "没有注明落实状态");
        assertThat(round.entries(id)).isEqualTo(before);
        assertThat(round.auditRows()).isEqualTo(audit);

        apply(id, token);

        var after = round.entries(id);
        assertThat(after.values()).filteredOn(e -> e.version() == 1).hasSize(23);
        assertThat(after.values()).filteredOn(e -> e.text().isEmpty()).hasSize(1);
        assertThat(ledgers.readable(round.as("haidian.reporter"), id).contactPerson()).isEqualTo("王芳");
        var saved = jdbc.sql("select count(*) from audit_event where seq > (select max(seq) - 24 from audit_event) "
                + "and action = 'ledger.entry-saved' and actor_username = 'haidian.reporter'").query(Long.class).single();
        assertThat(saved).isEqualTo(23);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ledger.header-saved' and object_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        // The preview was used up: applying it again is refused.
        mvc.perform(post("/ledgers/{id}/import/apply", id).param("token", token).with(reporter).with(csrf()))
                .andExpect(flash().attribute("failure", "document.import.error.expired"));
    }

    @Test
    void anImportIsRefusedWhileTheLedgerIsNotEditable() throws Exception {
        var id = round.haidianLedger;
        round.fill(id, "haidian.reporter", "李静", "13812345678", "");
        var file = export(id, "docx");
        ledgers.move(round.as("haidian.reporter"), id, round.version(id), LedgerAction.SUBMIT, null);
        var before = round.entries(id);

        mvc.perform(multipart("/ledgers/{id}/import", id).file(file("台账.docx", file)).with(reporter).with(csrf()))
                .andExpect(redirectedUrl("/ledgers/" + id + "/import"))
                .andExpect(flash().attribute("failure", "document.import.error.not-editable"));
        var page = mvc.perform(get("/ledgers/{id}/import", id).with(reporter)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不能导入").doesNotContain("enctype=\"multipart/form-data\"");
        assertThat(round.entries(id)).isEqualTo(before);
        // The district approver may read the ledger but never import into it.
        var approver = Logins.session(mvc, "haidian.approver", Fixtures.DEMO_PASSWORD);
        mvc.perform(multipart("/ledgers/{id}/import", id).file(file("台账.docx", file)).with(approver).with(csrf()))
                .andExpect(flash().attribute("failure", "document.import.error.not-editable"));
    }

    @Test
    void aLedgerSubmittedAfterThePreviewIsNotChangedByApplyingIt() throws Exception {
        var id = round.haidianLedger;
        var token = upload(id, "手填.docx", SampleLedgers.handFilledWord());
        round.fill(id, "haidian.reporter", "李静", "13812345678", "");
        ledgers.move(round.as("haidian.reporter"), id, round.version(id), LedgerAction.SUBMIT, null);
        var before = round.entries(id);
        mvc.perform(post("/ledgers/{id}/import/apply", id).param("token", token).with(reporter).with(csrf()))
                .andExpect(flash().attribute("failure", "document.import.error.not-editable"));
        assertThat(round.entries(id)).isEqualTo(before);
    }

    @Test
    void anEntrySavedAfterThePreviewMakesTheWholeImportBeRefused() throws Exception {
        var id = round.haidianLedger;
        var token = upload(id, "手填.docx", SampleLedgers.handFilledWord());
        var requirement = round.entries(id).values().stream().filter(e -> round.number(e.requirementId()) == 7).findFirst().orElseThrow();
        ledgers.saveEntry(round.as("haidian.reporter"), id, requirement.requirementId(),
                new EntryDraft(EntryStatus.IMPLEMENTED, "同事刚刚在页面上写的答复。", null, 0));
        var before = round.entries(id);
        var audit = round.auditRows();
        mvc.perform(post("/ledgers/{id}/import/apply", id).param("token", token).with(reporter).with(csrf()))
                .andExpect(redirectedUrl("/ledgers/" + id + "/import"))
                .andExpect(flash().attribute("failure", "document.import.error.changed"));
        assertThat(round.entries(id)).as("nothing half-saved").isEqualTo(before);
        assertThat(round.auditRows()).isEqualTo(audit);
    }

    @Test
    void anotherDistrictCannotImportIntoOrPreviewALedgerNotTheirs() throws Exception {
        var id = round.haidianLedger;
        var token = upload(id, "手填.docx", SampleLedgers.handFilledWord());
        var before = round.entries(id);
        var chaoyang = Logins.session(mvc, "chaoyang.reporter", Fixtures.DEMO_PASSWORD);
        mvc.perform(multipart("/ledgers/{id}/import", id).file(file("台账.docx", SampleLedgers.handFilledWord()))
                .with(chaoyang).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/ledgers/{id}/import", id).with(chaoyang)).andExpect(status().isNotFound());
        mvc.perform(get("/ledgers/{id}/import/preview", id).with(chaoyang)).andExpect(status().isNotFound());
        mvc.perform(post("/ledgers/{id}/import/apply", id).param("token", token).with(chaoyang).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(round.entries(id)).isEqualTo(before);
    }

    @Test
    void aTokenFromAnotherPreviewIsNotApplied() throws Exception {
        var id = round.haidianLedger;
        upload(id, "手填.docx", SampleLedgers.handFilledWord());
        var before = round.entries(id);
        mvc.perform(post("/ledgers/{id}/import/apply", id).param("token", "00000000-0000-0000-0000-000000000000")
                        .with(reporter).with(csrf()))
                .andExpect(flash().attribute("failure", "document.import.error.expired"));
        assertThat(round.entries(id)).isEqualTo(before);
    }
}
