package org.jianfu.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.jianfu.test.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium the browser tests drive: started with the flags this machine needs, or the test
 * class skipped with a visible notice where Chromium is not installed (.ci/run installs it).
 */
final class Chromium {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A browser 1366 × 900 in Chinese that keeps its console messages for the test to read. */
    static ChromeDriver start(String... extraArguments) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), () -> {
            System.out.println("NOTICE: browser tests skipped: /usr/bin/chromedriver not found "
                    + "(apt-get install -y chromium chromium-driver)");
            return "chromium-driver not installed";
        });
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,900", "--lang=zh-CN");
        options.addArguments(extraArguments);
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
        return browser;
    }

    static void stop(WebDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A screenshot of what the browser shows, to target/screenshots/{name}.png for a look by eye. */
    static void shot(WebDriver browser, String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Logs in afresh as a demo account and waits for the home page. */
    static void logIn(WebDriver browser, String baseUrl, String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Fixtures.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(baseUrl + "/"));
    }
}
