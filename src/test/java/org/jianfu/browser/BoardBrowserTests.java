package org.jianfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The supervision board's charts in a real browser (headless Chromium): ECharts from the jar draws them under the
 * Content-Security-Policy with the series the page's data say, and the time from opening an indicator's page to its drawn
 * chart is reported (docs/performance.md). Skipped, with a notice, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(BrowserTests.Clock.class)
class BoardBrowserTests {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        Chromium.stop(browser);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the page and waits until the chart in the element of this id is drawn; returns the browser's ms to the drawn chart. */
    private long openAndWaitForChart(String path, String id) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(10))
                .until(d -> "true".equals(d.findElement(By.id(id)).getDomAttribute("data-drawn")));
        return Long.parseLong(browser.findElement(By.id(id)).getDomAttribute("data-drawn-at"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> series(String id) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                var option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                return option.series.map(function (s) {
                  return { type: s.type, name: s.name || '', points: (s.data || []).length,
                           line: s.markLine && s.markLine.data && s.markLine.data.length ? s.markLine.data[0].yAxis : null };
                });""", id);
    }

    private List<String> browserProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    @Test
    void anIndicatorsPageDrawsEveryDistrictsBarAgainstTheThresholdAndTheTrendByYear() throws IOException {
        Chromium.logIn(browser, url(""), "city.admin");
        browser.manage().logs().get(LogType.BROWSER);
        var code = "WL-APPROVED-PER-SCHOOL";
        var year = jdbc.sql("select max(year) from supervision_board_year").query(Integer.class).single();
        var districts = jdbc.sql("""
                select count(*) from supervision_indicator_value v join supervision_indicator i on i.id = v.indicator_id
                where i.code = ? and v.year = ?""").params(code, year).query(Integer.class).single();
        var years = jdbc.sql("select count(*) from supervision_board_year").query(Integer.class).single();
        var threshold = jdbc.sql("select threshold from supervision_indicator where code = ?").param(code).query(java.math.BigDecimal.class).single();

        var times = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            times.add(openAndWaitForChart("/supervision/indicators/" + code + "?year=" + year, "bars"));
        }
        var bars = series("bars");
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0)).containsEntry("type", "bar").containsEntry("name", "校均进校园事项")
                .containsEntry("points", (long) districts);
        assertThat(((Number) bars.get(0).get("line")).doubleValue()).isEqualTo(threshold.doubleValue());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.id("trend")).getDomAttribute("data-drawn")));
        var trend = series("trend");
        assertThat(trend).extracting(s -> s.get("type")).containsExactly("line", "bar");
        assertThat(trend).extracting(s -> s.get("points")).containsOnly((long) years);
        Chromium.shot(browser, "supervision-indicator");
        var sorted = times.stream().sorted().toList();
        System.out.printf("Supervision indicator page (%d districts): chart drawn %d ms after navigation start (median of 5; first %d, max %d)%n",
                districts, sorted.get(2), times.get(0), sorted.get(4));

        var heat = openAndWaitForChart("/supervision", "heatmap");
        assertThat(series("heatmap")).extracting(s -> s.get("type")).containsExactly("heatmap");
        Chromium.shot(browser, "supervision-board");
        System.out.printf("Supervision city board: heat map drawn %d ms after navigation start%n", heat);
        assertThat(browserProblems()).isEmpty();
    }
}
