package org.jianfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The public whitelist, verification and report pages on a phone 390 px wide, and the ledger on a tablet
 * 768 px wide, in headless Chromium emulating the device: nothing scrolls sideways, the key content is on
 * screen, and on the phone every control is a tap target of at least 44 px. Screenshots go to
 * target/screenshots. Skipped, with a notice, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(BrowserTests.Clock.class)
class SmallScreenBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start("--hide-scrollbars");
    }

    @AfterAll
    static void stopBrowser() {
        Chromium.stop(browser);
    }

    @Test
    void thePublicWhitelistVerificationAndReportPagesFitAPhone390PixelsWide() throws IOException {
        device(390, 844, true);
        browser.manage().deleteAllCookies();
        var code = jdbc.sql("select verification_code from whitelist_application where verification_code is not null "
                + "order by id limit 1").query(String.class).single();
        var display = code.substring(0, 4) + "-" + code.substring(4);

        open("/public/whitelist", "phone-public-whitelist");
        var first = browser.findElement(By.cssSelector("table.stack tbody tr a"));
        assertOnScreen(first);
        assertOnScreen(browser.findElement(By.cssSelector("table.stack tbody tr td:nth-child(2)")));

        open("/public/whitelist/verify?code=" + display, "phone-verified");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains(display);
        assertOnScreen(browser.findElement(By.cssSelector(".facts")));

        open("/public/whitelist/verify?q=" + "无此活动名称", "phone-not-listed");
        assertOnScreen(browser.findElement(By.cssSelector(".verdict")));

        open("/public/whitelist/verify?q=" + "进校园", "phone-search");

        open("/public/reports/new", "phone-report-form");
        assertOnScreen(browser.findElement(By.id("description")));
        assertOnScreen(browser.findElement(By.id("schoolId")));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        check("/public/reports (refused)", "phone-report-errors");
        new Select(browser.findElement(By.id("districtId"))).selectByIndex(1);
        new Select(browser.findElement(By.id("kind"))).selectByIndex(1);
        // the school is found by typing part of its name into the picker (the district chosen first narrows it) and tapped
        var district = Long.parseLong(new Select(browser.findElement(By.id("districtId"))).getFirstSelectedOption().getAttribute("value"));
        var school = jdbc.sql("select id, name from unit where parent_id = ? and type = 'SCHOOL' and enabled order by id limit 1")
                .param(district).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).single();
        browser.findElement(By.id("schoolId")).sendKeys(school.getValue().substring(school.getValue().length() - 4));
        var option = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".picker-option[data-id='" + school.getKey() + "']")));
        assertOnScreen(option);
        shot("phone-report-school-found");
        option.click();
        assertThat(browser.findElement(By.cssSelector(".picker-chosen")).getText()).contains(school.getValue());
        browser.findElement(By.id("requester")).sendKeys("某培训机构");
        browser.findElement(By.id("description")).sendKeys("要求学校组织学生参加收费培训。");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.receipt")));
        check("/public/reports (receipt)", "phone-report-receipt");
        assertThat(jdbc.sql("select school_id from whitelist_report where requester = '某培训机构' order by id desc limit 1")
                .query(Long.class).single()).as("the school chosen in the picker").isEqualTo(school.getKey());
        assertOnScreen(browser.findElement(By.cssSelector("code.receipt")));

        open("/public/reports/status", "phone-report-status");
        assertOnScreen(browser.findElement(By.id("receipt")));

        // one report page for every subject: the data-collection one is a tap away and fits the phone too
        open("/public/reports/new", "phone-report-subjects");
        var subject = browser.findElement(By.cssSelector("nav a[href*='subject=DATA_COLLECTION']"));
        assertOnScreen(subject);
        subject.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#kind option[value='UNCODED_COLLECTION']")));
        check("/public/reports/new?subject=DATA_COLLECTION", "phone-report-collection");
        assertOnScreen(browser.findElement(By.id("requester")));
        assertOnScreen(browser.findElement(By.id("description")));

        // and so is the one of trainings imposed without approval (requirement 19)
        var training = browser.findElement(By.cssSelector("nav a[href*='subject=TRAINING']"));
        assertOnScreen(training);
        training.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#kind option[value='UNAPPROVED_TRAINING']")));
        check("/public/reports/new?subject=TRAINING", "phone-report-training");
        assertOnScreen(browser.findElement(By.id("requester")));
        assertOnScreen(browser.findElement(By.id("description")));
    }

    @Test
    void theLedgerFitsATablet768PixelsWide() throws IOException {
        device(768, 1024, true);
        logIn("haidian.reporter");
        var ledger = jdbc.sql("""
                select l.id from ledger l join unit u on u.id = l.unit_id join ledger_round r on r.id = l.round_id
                where u.code = '110108' and r.closed_at is null order by l.id limit 1""").query(Long.class).single();
        browser.get(url("/ledgers/" + ledger));
        shot("tablet-ledger");
        assertNoSidewaysScrolling("/ledgers/" + ledger);
        var answer = browser.findElement(By.cssSelector(".ledger-table textarea"));
        assertOnScreen(answer);
        assertThat(answer.getRect().getWidth()).as("the first answer box's width").isGreaterThanOrEqualTo(220);
    }

    // --- helpers

    /** Emulates the device's viewport (and, as a phone does, honours the page's viewport meta tag). */
    private void device(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void open(String path, String shotName) throws IOException {
        browser.get(url(path));
        check(path, shotName);
    }

    /** The page now shown: a screenshot, then no sideways scrolling, its heading on screen, every control tappable. */
    private void check(String path, String shotName) throws IOException {
        shot(shotName);
        assertNoSidewaysScrolling(path);
        var heading = browser.findElements(By.tagName("h1"));
        assertOnScreen(heading.isEmpty() ? browser.findElement(By.tagName("main")) : heading.get(0));
        assertTapTargets(path);
    }

    private void assertNoSidewaysScrolling(String path) {
        var widths = (List<?>) js("return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(((Number) widths.get(0)).longValue()).as("page width of " + path + " within the screen")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    private void assertOnScreen(WebElement element) {
        assertThat(element.isDisplayed()).as(element + " is shown").isTrue();
        var rect = element.getRect();
        var inner = ((Number) js("return window.innerWidth;")).longValue();
        assertThat(rect.getX()).as(element + " starts on the screen").isGreaterThanOrEqualTo(0);
        assertThat((long) rect.getX() + rect.getWidth()).as(element + " ends on the screen").isLessThanOrEqualTo(inner);
    }

    /** Every visible button, field and choice in the page's content is at least 44 px high. */
    private void assertTapTargets(String path) {
        var small = new ArrayList<String>();
        for (var e : browser.findElements(By.cssSelector(".content button, .content input:not([type=hidden]):not([type=checkbox])"
                + ":not([type=radio]), .content select, .content textarea, .content a.button, .content table a"))) {
            if (e.isDisplayed() && e.getRect().getHeight() < 44) {
                small.add(e.getTagName() + " '" + e.getText() + "' " + e.getRect().getHeight() + "px");
            }
        }
        assertThat(small).as("controls under 44 px on " + path).isEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void shot(String name) throws IOException {
        Chromium.shot(browser, name);
    }

    private void logIn(String username) {
        Chromium.logIn(browser, url(""), username);
    }
}
