package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.lang.management.ManagementFactory;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.HostileUploads;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The workbook that once filled the heap: a district reporter's 17 MB baseline import is refused with a
 * message in Chinese, and the import thread allocates next to nothing, not the gigabytes that reading
 * the inflated sheet takes.
 */
@JianfuIntegrationTest
class BaselineImportBombTests {

    /**
     * Well above what the refusal takes (0.2 to 6 MB measured), far below what reading the sheet took
     * before the upload door (1.9 GB for the 17 MB workbook, 0.45 GB for the 4 MB one).
     */
    static final long BOUND = 32L * 1024 * 1024;

    static final String CHINESE = "(?s)(?:[^\\p{IsHan}]*\\p{IsHan}){4}.*";

    @Autowired MockMvc mvc;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void theSeventeenMegabyteWorkbookIsRefusedInChineseWithBoundedMemory() throws Exception {
        var bomb = HostileUploads.seventeenMegabyteWorkbook();
        assertThat(bomb.length).isGreaterThan(17 * 1024 * 1024);
        var measured = importAsReporter(bomb);
        assertThat(measured.allocated).as("bytes the import thread allocated").isLessThan(BOUND);
        assertThat(measured.result.getFlashMap().get("problem")).asString().matches(CHINESE);
        assertThat(measured.items).isZero();
    }

    @Test
    void aWorkbookUnderTheSizeLimitThatInflatesFarBeyondItIsRefusedWithBoundedMemory() throws Exception {
        var bomb = HostileUploads.workbookOfSize(4 * 1024 * 1024);
        var measured = importAsReporter(bomb);
        assertThat(measured.allocated).as("bytes the import thread allocated").isLessThan(BOUND);
        assertThat(measured.result.getFlashMap().get("problem")).asString().matches(CHINESE);
        assertThat(measured.items).isZero();
    }

    @Test
    void aLargeWorkbookWithinTheLimitsIsReadRowByRowAndStopsAtItsFirstBadRow() throws Exception {
        var large = HostileUploads.workbookOfSize(3 * 1024 * 1024); // its sheet inflates to about 15 MB: within the limits
        var measured = importAsReporter(large);
        assertThat(measured.result.getFlashMap().get("problem")).asString().contains("第2行");
        // The package's parts are held once (about the inflated size); the sheet is never built as a tree
        // (34 MB measured; 332 MB when the whole workbook was loaded).
        assertThat(measured.allocated).as("bytes the import thread allocated").isLessThan(64L * 1024 * 1024);
        assertThat(measured.items).isZero();
    }

    @Test
    void theBombIsARealWorkbookThatApachePoiReads() throws Exception {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(HostileUploads.workbookOfSize(64 * 1024)))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(100);
        }
    }

    record Measured(MvcResult result, long allocated, long items) {
    }

    private Measured importAsReporter(byte[] content) throws Exception {
        var district = units.findByCode("110117").orElseThrow(); // 平谷区: no other test touches its baseline
        var reporter = (AccountPrincipal) users.loadUserByUsername(fixtures.account(Role.DISTRICT_REPORTER, district));
        var request = multipart("/inspection/cleanups/{d}/2026/import", district.id())
                .file(new MockMultipartFile("file", "基线清单.xlsx", null, content)).with(user(reporter)).with(csrf());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var thread = Thread.currentThread().getId();
        var before = threads.getThreadAllocatedBytes(thread);
        var result = mvc.perform(request).andReturn();
        var allocated = threads.getThreadAllocatedBytes(thread) - before;
        var items = jdbc.sql("select count(*) from inspection_baseline_item where district_id = ?").param(district.id())
                .query(Long.class).single();
        return new Measured(result, allocated, items);
    }
}
