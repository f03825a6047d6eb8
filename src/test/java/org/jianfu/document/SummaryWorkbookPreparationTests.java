package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.platform.DisplayTimes;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's summary workbook of a round is prepared in the background and kept: its page, the button that starts a
 * preparation, the notification, and the download of the kept file. Each test opens a round of its own for 平谷区.
 */
@JianfuIntegrationTest
class SummaryWorkbookPreparationTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired Documents documents;
    @Autowired SummaryWorkbooks workbooks;
    @Autowired DisplayTimes times;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    AccountPrincipal city;
    LedgerRound round;
    long ledger;
    AccountPrincipal reporter;

    @BeforeEach
    void aRoundIsOpenForPinggu() {
        city = as("city.admin");
        var pinggu = units.findByCode("110117").orElseThrow();
        round = ledgers.openRound(city, templates.shipped2021(), 2026, "汇总工作簿测试 " + System.nanoTime(), LocalDate.of(2100, 12, 31),
                List.of(pinggu.id()));
        ledger = ledgers.ledgerOf(round.id(), pinggu.id());
        reporter = as(fixtures.account(Role.DISTRICT_REPORTER, pinggu));
        answer(EntryStatus.PARTIAL, "平谷：区教委已印发实施方案。");
    }

    @Test
    void preparingAWorkbookStoresItAndNotifiesTheRequesterAndTheDownloadIsTheWorkbookAsWrittenDirectly() throws Exception {
        mvc.perform(post(page(), round.id()).with(user(city)).with(csrf()))
                .andExpect(redirectedUrl("/ledger/rounds/" + round.id() + "/summary-workbook"))
                .andExpect(flash().attribute("success", "document.summary.started"));
        workbooks.awaitIdle();

        assertThat(notifications("SUMMARY_WORKBOOK_PREPARED")).isEqualTo(1);
        assertThat(notificationsOf(city)).contains("“" + round.title() + "”的汇总工作簿已生成，可以下载",
                "/ledger/rounds/" + round.id() + "/summary-workbook");
        var kept = mvc.perform(get("/ledger/rounds/{id}/export/summary-xlsx", round.id()).with(user(city)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        var preparedAt = jdbc.sql("select prepared_at from summary_workbook where round_id = ? and scope_unit_id = ?")
                .params(round.id(), city.unitId()).query(java.time.OffsetDateTime.class).single().toInstant();
        var direct = documents.summary(city, round.id(), preparedAt).file().content();
        try (var served = new XSSFWorkbook(new ByteArrayInputStream(kept));
                var written = new XSSFWorkbook(new ByteArrayInputStream(direct))) {
            assertThat(names(served)).containsExactlyElementsOf(names(written)).hasSize(2 + 24);
            assertThat(cells(served.getSheetAt(0))).containsExactlyElementsOf(cells(written.getSheetAt(0)));
            assertThat(cells(served.getSheetAt(0))).contains("A1=2026年中小学教师减负工作任务台账落实情况汇总（" + times.format(preparedAt) + "生成）",
                    "B3=平谷区教育委员会", "G3=部分落实");
            for (int s = 1; s < written.getNumberOfSheets(); s++) {
                assertThat(cells(served.getSheetAt(s))).as(written.getSheetName(s)).containsExactlyElementsOf(cells(written.getSheetAt(s)));
            }
        }
    }

    @Test
    void twoRequestsWhileOnePreparationRunsPrepareOnce() throws Exception {
        // The one background thread is kept busy, so the first preparation waits for it while the second request comes.
        var busy = new CountDownLatch(1);
        workbooks.background.execute(() -> {
            try {
                busy.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            mvc.perform(post(page(), round.id()).with(user(city)).with(csrf()))
                    .andExpect(flash().attribute("success", "document.summary.started"));
            mvc.perform(post(page(), round.id()).with(user(as("supervisor"))).with(csrf()))
                    .andExpect(flash().attribute("success", "document.summary.already-running"));
            var running = page(city);
            assertThat(running).contains("data-preparing=\"true\"", "hx-trigger=\"every 2s\"", "正在生成汇总工作簿");
        }
        finally {
            busy.countDown();
        }
        workbooks.awaitIdle();

        assertThat(notifications("SUMMARY_WORKBOOK_PREPARED")).isEqualTo(1);
        assertThat(page(city)).doesNotContain("data-preparing", "hx-trigger").contains("下载汇总工作簿");
    }

    @Test
    void theDownloadBeforeAnyPreparationLeadsToThePageWithAMessage() throws Exception {
        var result = mvc.perform(get("/ledger/rounds/{id}/export/summary-xlsx", round.id()).with(user(city)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ledger/rounds/" + round.id() + "/summary-workbook"))
                .andExpect(flash().attribute("failure", "document.summary.none-yet"))
                .andReturn();
        // The page the redirect leads to, in the same session (kept by Spring Session, where the message waits).
        var shown = mvc.perform(get(page(), round.id()).with(user(city)).cookie(result.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("本轮的汇总工作簿还没有生成", "本轮还没有生成过汇总工作簿", "按当前填报内容生成新的汇总工作簿")
                .doesNotContain("/export/summary-xlsx");
    }

    @Test
    void aDistrictUserCannotReachThePageThePreparationOrTheDownload() throws Exception {
        mvc.perform(get(page(), round.id()).with(user(reporter))).andExpect(status().isForbidden());
        mvc.perform(post(page(), round.id()).with(user(reporter)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/ledger/rounds/{id}/export/summary-xlsx", round.id()).with(user(reporter))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from summary_workbook where round_id = ?").param(round.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void thePageShowsWhoPreparedItByNameAndHowManyLedgersChangedSince() throws Exception {
        SummaryWorkbookDownloads.prepare(mvc, context, city, round.id());
        // The supervisor reads the city's whole round as the city admin does: the workbook kept for the city is theirs too.
        var supervisor = as("supervisor");
        var before = page(supervisor);
        assertThat(before).contains("<dd>王敏（市教委）</dd>", "<dd>1 份</dd>", "生成以来各区台账没有修改", "生成时的快照")
                .doesNotContain("<dd>city.admin</dd>");

        answer(EntryStatus.IMPLEMENTED, "平谷：区教委已印发实施方案，已全部落实。");

        assertThat(page(supervisor)).contains("生成以来有 1 份台账有修改").doesNotContain("生成以来各区台账没有修改");
    }

    private static String page() {
        return "/ledger/rounds/{id}/summary-workbook";
    }

    private String page(AccountPrincipal who) throws Exception {
        return mvc.perform(get(page(), round.id()).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    /** The reporter saves the first requirement's answer. */
    private void answer(EntryStatus status, String text) {
        var entry = ledgers.entries(reporter, ledger).get(0);
        ledgers.saveEntry(reporter, ledger, entry.requirementId(), new EntryDraft(status, text, null, entry.version()));
    }

    private int notifications(String kind) {
        return jdbc.sql("select count(*) from notification where kind = ? and link = ? and unit_id = ? and 'CITY_ADMIN' = any(roles)")
                .params(kind, "/ledger/rounds/" + round.id() + "/summary-workbook", city.unitId()).query(Integer.class).single();
    }

    private String notificationsOf(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/notifications").with(user(who))).andReturn().getResponse().getContentAsString();
    }

    private static List<String> names(XSSFWorkbook workbook) {
        var names = new ArrayList<String>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** Every cell's text, row by row, with its place. */
    private static List<String> cells(Sheet sheet) {
        var format = new DataFormatter();
        var cells = new ArrayList<String>();
        for (var row : sheet) {
            row.forEach(cell -> cells.add(cell.getAddress() + "=" + format.formatCellValue(cell)));
        }
        return cells;
    }
}
