package org.jianfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;

import org.jianfu.test.Fixtures;
import org.jianfu.test.MutableClock;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The pages in a real browser (headless Chromium): they render, htmx works under the
 * Content-Security-Policy, and the browser reports no errors or policy violations. Screenshots go to
 * target/screenshots for a look by eye. Skipped, with a notice, where Chromium is not installed;
 * .ci/run installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(BrowserTests.Clock.class)
class BrowserTests {


    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        Chromium.stop(browser);
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierBrowserMessages() {
        browser.manage().logs().get(LogType.BROWSER);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void shot(String name) throws IOException {
        Chromium.shot(browser, name);
    }

    private List<String> browserProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private void logIn(String username) {
        Chromium.logIn(browser, url(""), username);
    }

    @Test
    void theLoginPageRendersInChineseWithTheDemoAccountsAndNoBrowserErrors() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(browser.getPageSource()).contains("haidian.reporter");
        shot("login");
        assertThat(browserProblems()).isEmpty();
    }

    @Test
    void aSystemAdminFiltersAccountsWithHtmxAndCreatesOne() throws IOException {
        logIn("sysadmin");
        shot("home-sysadmin");
        browser.get(url("/admin/accounts"));
        var rowsBefore = browser.findElements(By.cssSelector("#results tbody tr")).size();
        browser.findElement(By.id("text")).sendKeys("haidian");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#results tbody tr")).size() < rowsBefore);
        assertThat(browser.findElement(By.id("results")).getText()).contains("haidian.reporter").doesNotContain("chaoyang.reporter");
        assertThat(browser.getCurrentUrl()).as("the filter is kept in the address").contains("text=haidian");
        shot("accounts-filtered");

        browser.get(url("/admin/accounts/new"));
        browser.findElement(By.id("username")).sendKeys("browser.made");
        browser.findElement(By.id("displayName")).sendKeys("浏览器创建");
        // the unit is found by typing part of its name into the unit picker, and chosen from the matches by keyboard
        browser.findElement(By.id("unitId")).sendKeys("海淀区教育");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".picker-option[data-name='海淀区教育委员会']")));
        browser.findElement(By.id("unitId")).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector(".picker-chosen")).getText()).contains("海淀区教育委员会");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        // the account exists without a role (and so without a password to hand out): that is the security admin's
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.facts")));
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("未分配角色");
        shot("account-created");
        assertThat(browserProblems()).isEmpty();
    }

    @Test
    void anAuditAdminChecksTheChainFromTheAuditPage() throws IOException {
        logIn("auditor");
        browser.get(url("/audit"));
        browser.findElement(By.cssSelector(".page-head button")).click();
        // the check runs in the background: the page shows its progress (正在校验…) and then its result
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var shown = d.findElement(By.id("verification")).getText();
                    return !shown.isBlank() && !shown.startsWith("正在校验");
                });
        assertThat(browser.findElement(By.id("verification")).getText()).startsWith("最近一次校验").contains("审计日志完整");
        shot("audit");
        assertThat(browserProblems()).isEmpty();
    }

    @Test
    void aPageOutsideTheUsersScopeShowsAFriendlyNotFoundPage() throws IOException {
        logIn("haidian.reporter");
        browser.get(url("/units/999999"));
        // The 404 and 403 answers below are the point of this test, so the console is not checked.
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        browser.get(url("/admin/accounts"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser.getPageSource()).as("error pages show no stray flash message").doesNotContain("??");
        shot("forbidden");
        browser.get(url("/units"));
        shot("units-haidian");
    }

    @org.springframework.beans.factory.annotation.Autowired org.jianfu.ledger.Ledgers ledgers;
    @org.springframework.beans.factory.annotation.Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.security.core.userdetails.UserDetailsService userDetails;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired org.jianfu.test.Fixtures fixtures;

    @Test
    void aReporterFillsInTheLedgerWithAutosaveAndSeesBothVersionsWhenSomeoneElseSavedFirst() throws IOException {
        var city = (org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(city, template, 2026, "浏览器测试轮次", java.time.LocalDate.of(2026, 4, 30),
                List.of(fixtures.haidian().id()));
        var ledgerId = jdbc.sql("select id from ledger where round_id = ?").param(round.id()).query(Long.class).single();
        var firstRequirement = jdbc.sql("select id from template_requirement where template_id = ? and number = 1")
                .param(template).query(Long.class).single();

        logIn("haidian.reporter");
        assertThat(browser.getPageSource()).contains("浏览器测试轮次");
        browser.get(url("/ledgers/" + ledgerId));
        var form = browser.findElement(By.id("entry-form-" + firstRequirement));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("status"))).selectByValue("IMPLEMENTED");
        form.findElement(By.name("text")).sendKeys("区委、区政府统一部署督查检查事项，实行年度计划和审批报备。");
        // The status change saves at once, the typing 1.5 s after the last key.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> jdbc.sql(
                "select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, firstRequirement).query(String.class).single().startsWith("区委、区政府统一部署"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("entry-state-" + firstRequirement), "已保存"));
        shot("ledger-autosaved");

        // Someone else saves the same entry; the page still holds the older version.
        var colleague = fixtures.account(org.jianfu.account.Role.DISTRICT_REPORTER, fixtures.haidian());
        var current = jdbc.sql("select version from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, firstRequirement).query(Integer.class).single();
        ledgers.saveEntry((org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername(colleague), ledgerId,
                firstRequirement, new org.jianfu.ledger.EntryDraft(org.jianfu.ledger.EntryStatus.PARTIAL, "同事改写的版本", null, current));
        form.findElement(By.name("text")).sendKeys("补充一句。");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#entry-conflict-" + firstRequirement + " .conflict-versions")));
        var conflict = browser.findElement(By.id("entry-conflict-" + firstRequirement)).getText();
        assertThat(conflict).contains("同事改写的版本").contains("补充一句。");
        assertThat(jdbc.sql("select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, firstRequirement).query(String.class).single()).isEqualTo("同事改写的版本");
        shot("ledger-conflict");

        browser.findElement(By.cssSelector("#entry-conflict-" + firstRequirement + " button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> jdbc.sql(
                "select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, firstRequirement).query(String.class).single().endsWith("补充一句。"));
        assertThat(browserProblems()).as("the 409 is answered, not an error")
                .allMatch(m -> m.contains("409"));

        // Typing and leaving at once, before the autosave delay: the beacon still delivers the text.
        var second = jdbc.sql("select id from template_requirement where template_id = ? and number = 2")
                .param(template).query(Long.class).single();
        browser.get(url("/ledgers/" + ledgerId));
        browser.findElement(By.id("entry-form-" + second)).findElement(By.name("text")).sendKeys("离开页面前最后输入的内容。");
        browser.get(url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> jdbc.sql(
                "select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, second).query(String.class).single().equals("离开页面前最后输入的内容。"));

        logIn("city.admin");
        browser.get(url("/ledger/rounds/" + round.id()));
        shot("ledger-dashboard");
    }

    @Test
    void theInterfaceSwitchesToEnglish() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=en"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
        shot("login-en");
        browser.get(url("/login?lang=zh_CN"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
    }

    @org.springframework.beans.factory.annotation.Autowired org.jianfu.unit.Seals seals;

    /** Opens a 2026 round for 海淀区 alone, as the city admin, and gives 海淀区's ledger in it. */
    private long haidianLedgerInANewRound(String title) {
        var haidian = fixtures.haidian().id();
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        var round = ledgers.openRound((org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername("city.admin"), template,
                2026, title, java.time.LocalDate.of(2026, 4, 30), List.of(haidian));
        return ledgers.ledgerOf(round.id(), haidian);
    }

    /** The document module's print view (issue 4): the source document's layout, printed on A4 landscape. */
    @Test
    void aSignedLedgerPrintsInTheSourceLayoutOnA4LandscapeWithTheHeaderOnEveryPage() throws IOException {
        var ledgerId = haidianLedgerInANewRound("打印测试轮次");
        var reporter = (org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        ledgers.saveHeader(reporter, ledgerId, 0, "李静", "010-62345678");
        for (var entry : ledgers.entries(reporter, ledgerId)) {
            ledgers.saveEntry(reporter, ledgerId, entry.requirementId(), new org.jianfu.ledger.EntryDraft(
                    org.jianfu.ledger.EntryStatus.IMPLEMENTED, "区教委印发专项工作方案，明确牵头科室和完成时限。\n"
                            + "　　二是建立月度调度机制，对照要求逐项检查，形成问题清单并限期整改。", null, entry.version()));
        }
        seals.upload((org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername("haidian.approver"), fixtures.haidian().id(),
                org.jianfu.document.SampleLedgers.sealPng("海淀区教育委员会"));
        for (var step : List.of("haidian.reporter", "haidian.approver")) {
            var version = jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
            ledgerSteps.take((org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername(step), ledgerId, version,
                    step.endsWith("reporter") ? org.jianfu.ledger.LedgerAction.SUBMIT : org.jianfu.ledger.LedgerAction.SIGN_OFF, null);
        }

        logIn("haidian.reporter");
        browser.get(url("/ledgers/" + ledgerId + "/print"));
        assertThat(browser.findElement(By.cssSelector(".doc-title")).getText()).isEqualTo("2026年中小学教师减负工作任务台账");
        assertThat(browser.findElements(By.cssSelector(".doc-seal"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".doc-table:not(.doc-appendix-table) tbody tr"))).hasSize(24);
        // After the five-column table, the figures frozen at sign-off (附：系统核验数据).
        assertThat(browser.findElement(By.cssSelector("h2.doc-appendix")).getText()).isEqualTo("附：系统核验数据");
        assertThat(browser.findElements(By.cssSelector(".doc-appendix-table tbody tr"))).isNotEmpty();
        shot("ledger-print-view");

        var chrome = (ChromeDriver) browser;
        var script = (org.openqa.selenium.JavascriptExecutor) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertThat(script.executeScript("return getComputedStyle(document.querySelector('.sidebar')).display")).isEqualTo("none");
        assertThat(script.executeScript("return getComputedStyle(document.querySelector('.print-tools')).display")).isEqualTo("none");
        assertThat(script.executeScript("return getComputedStyle(document.querySelector('.doc-table thead')).display"))
                .as("the header row repeats on every page").isEqualTo("table-header-group");
        assertThat(script.executeScript("return getComputedStyle(document.querySelector('.doc-table tbody td.doc-text')).breakInside"))
                .as("a row is not split where avoidable").isEqualTo("avoid");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        // Printed as the browser's print dialog would, with the page size the style sheet asks for.
        var printed = chrome.executeCdpCommand("Page.printToPDF", java.util.Map.of("preferCSSPageSize", true, "printBackground", true));
        var pdf = java.util.Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(Chromium.SHOTS.resolve("ledger-print.pdf"), pdf);
        var text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        var box = java.util.regex.Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
        assertThat(box.find()).as("the PDF has a page size").isTrue();
        assertThat(Double.parseDouble(box.group(1))).as("A4 landscape width in points").isCloseTo(842, org.assertj.core.data.Offset.offset(2.0));
        assertThat(Double.parseDouble(box.group(2))).as("A4 landscape height in points").isCloseTo(595, org.assertj.core.data.Offset.offset(2.0));
        assertThat(browserProblems()).isEmpty();
    }

    /** The document module's import (issue 4): upload a filled Word file, see the preview, apply it. */
    @Test
    void aReporterImportsAFilledWordFileAfterSeeingThePreview() throws IOException {
        var ledgerId = haidianLedgerInANewRound("导入测试轮次");
        var file = Files.createTempFile("手填台账", ".docx");
        Files.write(file, org.jianfu.document.SampleLedgers.handFilledWord());

        logIn("haidian.reporter");
        browser.get(url("/ledgers/" + ledgerId));
        browser.findElement(By.linkText("导入填好的文件")).click();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector(".document-upload button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/ledgers/" + ledgerId + "/import/preview")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("王芳", "13912345678", "第1条：我区已制定实施方案。");
        shot("ledger-import-preview");
        browser.findElement(By.cssSelector("form.actions button.primary")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/ledgers/" + ledgerId)));
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).startsWith("已导入");
        assertThat(jdbc.sql("select count(*) from ledger_entry where ledger_id = ? and text like '第%条：我区已制定实施方案。%'")
                .param(ledgerId).query(Long.class).single()).isEqualTo(23);
        assertThat(browserProblems()).isEmpty();
        Files.delete(file);
    }

    private String entryText(long ledgerId, long requirementId) {
        return jdbc.sql("select text from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, requirementId).query(String.class).single();
    }

    private long requirementOf(long ledgerId, int number) {
        return jdbc.sql("""
                select r.id from template_requirement r join ledger_entry e on e.requirement_id = r.id
                where e.ledger_id = ? and r.number = ?""").params(ledgerId, number).query(Long.class).single();
    }

    /** Issue 13: a save that fails says 未保存 and why, keeps the text, and saves on 重试 after logging in again in another tab. */
    @Test
    void anAutosaveThatFailsSaysSoKeepsTheTextAndRetriesAfterLoggingInAgainInANewTab() throws IOException {
        var ledgerId = haidianLedgerInANewRound("自动保存失败测试轮次");
        var first = requirementOf(ledgerId, 1);
        logIn("haidian.reporter");
        browser.get(url("/ledgers/" + ledgerId));
        var ledgerTab = browser.getWindowHandle();
        var state = By.id("entry-state-" + first);

        browser.manage().deleteAllCookies(); // the session expires while the page is open
        var text = browser.findElement(By.id("entry-form-" + first)).findElement(By.name("text"));
        text.sendKeys("会话过期后输入的内容。");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(state, "未保存"));
        assertThat(browser.findElement(state).getText()).as("the reason").contains("登录已失效").contains("重新登录");
        assertThat(text.getAttribute("value")).as("what was typed stays").isEqualTo("会话过期后输入的内容。");
        assertThat(entryText(ledgerId, first)).isEmpty();
        var login = browser.findElement(state).findElement(By.tagName("a"));
        assertThat(login.getAttribute("target")).isEqualTo("_blank");
        assertThat(browser.getCurrentUrl()).as("no reload to the login page").isEqualTo(url("/ledgers/" + ledgerId));
        shot("ledger-autosave-failed");

        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("haidian.reporter");
        browser.findElement(By.id("password")).sendKeys(Fixtures.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
        browser.close();
        browser.switchTo().window(ledgerTab);

        browser.findElement(state).findElement(By.cssSelector("button.retry")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(state, "已保存"));
        assertThat(entryText(ledgerId, first)).isEqualTo("会话过期后输入的内容。");

        // A server error says so too, and nothing claims it was saved.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('entry-form-' + arguments[0]).setAttribute('hx-post', '/ledgers/0/entries/0');"
                        + "htmx.process(document.getElementById('entry-form-' + arguments[0]));", first);
        text.sendKeys("再补充一句。");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(state, "未保存"));
        assertThat(text.getAttribute("value")).isEqualTo("会话过期后输入的内容。再补充一句。");
    }

    /** Issue 13: progress and the jump to the next empty requirement; the submit question only once the ledger is complete. */
    @Test
    void aReporterJumpsToTheEmptyRequirementsAndIsAskedToConfirmOnlyWhenTheLedgerIsComplete() throws IOException {
        var ledgerId = haidianLedgerInANewRound("进度测试轮次");
        var reporter = (org.jianfu.account.AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        ledgers.saveHeader(reporter, ledgerId, 0, "李静", "010-62345678");
        var fifth = requirementOf(ledgerId, 5);
        var ninth = requirementOf(ledgerId, 9);
        for (var entry : ledgers.entries(reporter, ledgerId)) {
            if (entry.requirementId() != fifth && entry.requirementId() != ninth) {
                ledgers.saveEntry(reporter, ledgerId, entry.requirementId(), new org.jianfu.ledger.EntryDraft(
                        org.jianfu.ledger.EntryStatus.IMPLEMENTED, "第" + entry.requirementId() + "项：区教委印发专项方案，明确牵头科室、完成时限和检查办法。",
                        null, entry.version()));
            }
        }
        logIn("haidian.reporter");
        browser.get(url("/ledgers/" + ledgerId));
        assertThat(browser.findElement(By.id("filled-count")).getText()).isEqualTo("已填 22/24");
        var script = (org.openqa.selenium.JavascriptExecutor) browser;
        browser.findElement(By.id("next-empty")).click();
        assertThat(script.executeScript("return document.activeElement.closest('.entry').id")).isEqualTo("entry-" + fifth);
        browser.findElement(By.id("next-empty")).click();
        assertThat(script.executeScript("return document.activeElement.closest('.entry').id")).isEqualTo("entry-" + ninth);

        var form = browser.findElement(By.id("entry-form-" + fifth));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("status"))).selectByValue("IMPLEMENTED");
        form.findElement(By.name("text")).sendKeys("督导每年不超过一次，检查改为每学期两次。");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("filled-count"), "已填 23/24"));
        shot("ledger-progress");

        // Incomplete: the check answers, no "are you sure?" first (an unexpected dialog would fail the next step).
        browser.findElement(By.cssSelector("form.step[action$='/submit'] button")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("台账尚未填写完整").contains("第 9 条：请选择落实状态");
        assertThat(browser.findElements(By.id("warnings"))).isEmpty();

        form = browser.findElement(By.id("entry-form-" + ninth));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("status"))).selectByValue("NOT_APPLICABLE");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("entry-state-" + ninth), "选择“不适用”须填写不适用原因"));
        form.findElement(By.name("naReason")).sendKeys("本区没有寄宿制学校");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("filled-count"), "已填 24/24"));
        assertThat(browser.findElement(By.id("next-empty")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("form.step[action$='/submit'] button")).click();
        assertThat(browser.findElement(By.id("warnings")).getText()).contains("确定提交给区级审核人？");
        shot("ledger-submit-question");
        browser.findElement(By.cssSelector("#warnings button.primary")).click();
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains("已提交区级审核");
    }
}
