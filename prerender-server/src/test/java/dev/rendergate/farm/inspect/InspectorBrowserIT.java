package dev.rendergate.farm.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.InspectedSite;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inspector in real headless Chromium (Debian's {@code chromium} through its {@code chromedriver}; nothing is
 * downloaded): sign in, list, filter, detail, render as Bingbot, a flagged fixture page, compare two renders.
 * Screenshots of the list and the detail at laptop and phone widths go to {@code target/screenshots/}.
 */
class InspectorBrowserIT {
    private static final String TOKEN = "browser-test-token-0123456789";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static InspectedSite site;
    private static Farm farm;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        site = InspectedSite.start();
        farm = Farm.create(FarmConfig.defaults().withToken(TOKEN).withAllowedOrigin(site.origin())
                .withPrivateAddressException(URI.create(site.origin()).getAuthority()).withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(2).withRenderTimeout(Duration.ofSeconds(8)).withNetworkIdle(Duration.ofMillis(200))).start();
        base = "http://127.0.0.1:" + farm.port();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/doctors/17-emma-schwarz", "/gone", "/private")) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/render?url="
                    + URLEncoder.encode(site.url(path), StandardCharsets.UTF_8))).header("X-Prerender-Token", TOKEN).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        profile = Files.createTempDirectory("inspector-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (farm != null) {
            farm.stop();
        }
        if (site != null) {
            site.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void marketingUser_signsIn_filters_opensAFlaggedPage_rendersAsBingbot_andComparesTwoRenders() throws Exception {
        try {
            walkThrough();
        } catch (RuntimeException | AssertionError e) {
            // What the browser showed, for the failure report.
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void walkThrough() throws Exception {
        // Sign in: the page asks for the token once.
        browser.get(base + "/inspect");
        wait.until(ExpectedConditions.urlContains("/inspect/sign-in"));
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.snapshots")));
        assertThat(table.getText()).contains(site.url("/private")).contains(site.url("/gone"))
                .contains(site.url("/doctors/17-emma-schwarz"));
        assertThat(browser.manage().getCookieNamed("rg_inspector").isHttpOnly()).isTrue();
        screenshot("inspector-list");

        // Filter on the server: only the page built to be noindex is left.
        new Select(browser.findElement(By.id("flag"))).selectByValue("noindex");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("summary"), "1 snapshot matches"));
        assertThat(browser.findElements(By.cssSelector("table.snapshots tbody tr"))).hasSize(1);

        // Detail of the flagged page: the problem with its plain explanation and fix.
        browser.findElement(By.linkText(site.url("/private"))).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#problems li[data-kind=noindex]")));
        assertThat(problem.getText()).contains("asks search engines not to index it").contains("Fix:");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("noindex, nofollow");
        wait.until(d -> d.findElement(By.id("html")).getText().contains("<meta name=\"robots\""));
        screenshot("inspector-detail");

        // Render as Bingbot from the page; the result shows without a page reload, and appears in the list.
        browser.get(base + "/inspect/#/render");
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("render-url")));
        url.sendKeys(site.url("/changing"));
        new Select(browser.findElement(By.id("render-as"))).selectByValue("bingbot");
        browser.findElement(By.id("render-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".meta"), "Rendered as bingbot"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(site.url("/changing"));
        browser.get(base + "/inspect/#/?q=changing");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.snapshots"), "(as bingbot)"));

        // Compare with the previous render after the page changed.
        site.change("Dr. Lena Vogel", "Pankow");
        browser.findElement(By.linkText(site.url("/changing"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("recache"))).click();
        WebElement compare = wait.until(ExpectedConditions.elementToBeClickable(By.id("compare")));
        compare.click();
        WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table#changes")));
        assertThat(changes.getText()).contains("Dr. Jonas Weber, cardiologist in Berlin | MedBook")
                .contains("Dr. Lena Vogel, cardiologist in Berlin | MedBook");
        assertThat(browser.findElement(By.id("text-diff")).findElements(By.cssSelector("li.added")))
                .anySatisfy(li -> assertThat(li.getText()).isEqualTo("Dr. Lena Vogel"));
        screenshot("inspector-diff");

        // The same views on a phone.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/inspect/#/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.snapshots")));
        screenshot("inspector-list-phone");
        browser.findElement(By.linkText(site.url("/gone"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems li[data-kind=soft-404]")));
        screenshot("inspector-detail-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
