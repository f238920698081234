package dev.rendergate.farm.render.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.testing.TestEgress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Chromium engine against a real origin on loopback, one small page per behaviour. */
class ChromiumBrowserIT {
    private static final Duration BUDGET = Duration.ofSeconds(8);
    /** Slack over a budget for the snapshot and scheduling on a busy two-core machine. */
    private static final long SLACK_MS = 700;

    private static TestOrigin origin;
    private static TestOrigin canary;
    private static TestOrigin api;
    private static ChromiumBrowser browser;
    private static EgressProxy egress;

    @BeforeAll
    static void launch() {
        Optional<Path> executable = ChromiumBrowser.findExecutable();
        Assumptions.assumeTrue(executable.isPresent(),
                "no Chromium executable found (/usr/bin/chromium, chromium, chromium-browser, google-chrome): skipped");
        origin = new TestOrigin();
        canary = new TestOrigin();
        api = new TestOrigin();
        origin.canaryBase("http://127.0.0.1:" + canary.port());
        origin.apiBase("http://127.0.0.1:" + api.port());
        api.canaryBase("http://127.0.0.1:" + canary.port());
        // The proxy lets all three through (the API under its second name too), so these tests show what the
        // browser's own request gate refuses.
        egress = TestEgress.allowing(origin.origin(), api.origin(), "http://localhost:" + api.port(), canary.origin());
        browser = ChromiumBrowser.launch(ChromiumOptions.defaults().withExecutable(executable.get()).withTabs(2), egress);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            egress.close();
        }
        if (origin != null) {
            origin.close();
            canary.close();
            api.close();
        }
    }

    private static ChromiumPage render(String path, Device device, Duration budget) {
        return browser.render(origin.uri(path), device, budget, origin::allows);
    }

    @Test
    void render_moduleScriptWithClassesAsyncAndFetch_returnsTheRenderedContent() {
        ChromiumPage page = render("/module.html", Device.DESKTOP, BUDGET);

        assertThat(page.timedOut()).isFalse();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).startsWith("<!DOCTYPE html>");
        assertThat(page.html()).contains("<li class=\"doctor\">Dr. Ada Byron</li>", "<title>Doctors from the module API</title>");
        assertThat(page.html()).doesNotContain(">Loading…</ul>");
        assertThat(page.headers()).containsEntry("x-origin-header", "kept");
        assertThat(page.finalUrl()).isEqualTo(origin.uri("/module.html").toString());
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void render_prerenderReadySetLate_waitsForItPastNetworkIdle() {
        ChromiumPage page = render("/ready-late.html", Device.DESKTOP, BUDGET);

        assertThat(page.timedOut()).isFalse();
        assertThat(page.html()).contains("late content arrived");
        assertThat(page.renderMillis()).isGreaterThanOrEqualTo(1200);
    }

    @Test
    void render_prerenderReadyNeverTrue_timesOutWithinBudgetWithTheShell() {
        Duration budget = Duration.ofSeconds(2);
        ChromiumPage page = render("/never-ready.html", Device.DESKTOP, budget);

        assertThat(page.timedOut()).isTrue();
        assertThat(page.html()).contains("shell only");
        assertThat(page.renderMillis()).isLessThan(budget.toMillis() + SLACK_MS);
    }

    @Test
    void render_origin404_passesTheStatusThrough() {
        ChromiumPage page = render("/missing", Device.DESKTOP, BUDGET);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.timedOut()).isFalse();
        assertThat(page.html()).contains("This doctor does not exist");
    }

    @Test
    void render_fetchWhoseBodyIsNeverRead_stillReachesNetworkIdle() {
        ChromiumPage page = render("/unread-404.html", Device.DESKTOP, BUDGET);

        assertThat(page.timedOut()).as("a response body the page leaves unread must not hold network idle").isFalse();
        assertThat(page.html()).contains("No such doctor");
    }

    @Test
    void render_origin301_isReportedNotFollowed() {
        int before = origin.hits("/viewport.html");
        ChromiumPage page = render("/old", Device.DESKTOP, BUDGET);

        assertThat(page.status()).isEqualTo(301);
        assertThat(page.headers()).containsEntry("location", origin.uri("/viewport.html").toString());
        assertThat(page.timedOut()).isFalse();
        assertThat(origin.hits("/viewport.html")).isEqualTo(before);
    }

    @Test
    void render_subrequestsToADisallowedLoopbackServer_neverReachIt() {
        ChromiumPage page = render("/canary.html", Device.DESKTOP, BUDGET);

        assertThat(page.html()).contains("rendered despite blocked requests");
        assertThat(canary.totalHits()).as("hits on the canary server").isZero();
        assertThat(origin.hits("/own-pixel.png")).as("images are never fetched, even from the origin").isZero();
    }

    @Test
    void render_popupWorkerAndCrossOriginFrame_cannotReachADisallowedServerEither() {
        Predicate<URI> originAndApi = uri -> origin.allows(uri) || api.allows(uri)
                || ("localhost".equals(uri.getHost()) && uri.getPort() == api.port());
        ChromiumPage page = browser.render(origin.uri("/sneaky.html"), Device.DESKTOP, BUDGET, originAndApi);

        assertThat(page.html()).contains("worker said blocked");
        assertThat(api.hits("/framed.html")).as("the allowed frame loaded").isPositive();
        assertThat(canary.totalHits()).as("hits on the canary server").isZero();
    }

    @Test
    void render_crossOriginApiWithoutPreflightSupport_worksBecauseTheMarkerHeaderCausesNoPreflight() {
        int before = api.hits("/api/doctors.json");
        Predicate<URI> originAndApi = uri -> origin.allows(uri) || api.allows(uri);
        ChromiumPage page = browser.render(origin.uri("/cross-origin.html"), Device.DESKTOP, BUDGET, originAndApi);

        assertThat(page.html()).contains("API says the module API");
        assertThat(api.hits("OPTIONS /api/doctors.json")).isZero();
        assertThat(api.hits("/api/doctors.json")).isEqualTo(before + 1);
        assertThat(api.xPrerenderHeader("/api/doctors.json")).isEqualTo("1");
    }

    @Test
    void render_infiniteLoop_returnsWithinBudgetAndTheBrowserRendersAgain() {
        Duration budget = Duration.ofSeconds(3);
        ChromiumPage stuck = render("/infinite-loop.html", Device.DESKTOP, budget);

        assertThat(stuck.timedOut()).isTrue();
        assertThat(stuck.renderMillis()).isLessThan(budget.toMillis() + SLACK_MS);
        for (int i = 0; i < 3; i++) {
            ChromiumPage next = render("/module.html", Device.DESKTOP, BUDGET);
            assertThat(next.timedOut()).isFalse();
            assertThat(next.html()).contains("Dr. Alan Turing");
        }
        assertThat(browser.isAlive()).isTrue();
    }

    @Test
    void render_alertAndConfirm_areDismissedAndThePageCompletes() {
        ChromiumPage page = render("/dialogs.html", Device.DESKTOP, BUDGET);

        assertThat(page.timedOut()).isFalse();
        assertThat(page.html()).contains("after dialogs, confirm said false");
    }

    @Test
    void render_consoleErrorsAndUncaughtExceptions_areCollected() {
        ChromiumPage page = render("/errors.html", Device.DESKTOP, BUDGET);

        assertThat(page.errors()).anySatisfy(e -> assertThat(e).contains("something went wrong"));
        assertThat(page.errors()).anySatisfy(e -> assertThat(e).contains("boom from the page"));
    }

    @Test
    void render_mobileAndDesktop_emulateTheirViewportAndUserAgent() {
        ChromiumPage mobile = render("/viewport.html", Device.MOBILE, BUDGET);
        ChromiumPage desktop = render("/viewport.html", Device.DESKTOP, BUDGET);

        assertThat(mobile.html()).contains("width=412").contains("Mobile Safari/537.36 RendergateRenderer/1.0");
        assertThat(desktop.html()).contains("width=1366").contains("RendergateRenderer/1.0").doesNotContain("Mobile");
        assertThat(origin.xPrerenderHeader("/viewport.html")).isEqualTo("1");
    }

    @Test
    void render_concurrentRendersBeyondThePool_allComplete() {
        List<ChromiumPage> pages = List.of("/module.html", "/viewport.html", "/missing", "/dialogs.html", "/module.html")
                .parallelStream()
                .map(path -> render(path, Device.MOBILE, BUDGET))
                .collect(Collectors.toList());

        assertThat(pages).allSatisfy(p -> assertThat(p.timedOut()).isFalse());
        assertThat(pages).extracting(ChromiumPage::status).containsExactly(200, 200, 404, 200, 200);
    }

    @Test
    void render_manyPages_doesNotGrowTheProcessTree() {
        for (int i = 0; i < 4; i++) {
            render(i % 2 == 0 ? "/module.html" : "/viewport.html", Device.DESKTOP, BUDGET);
        }
        long settled = ProcessHandle.of(browser.pid()).orElseThrow().descendants().count();

        for (int i = 0; i < 10; i++) {
            assertThat(render(i % 2 == 0 ? "/module.html" : "/viewport.html", Device.MOBILE, BUDGET).timedOut()).isFalse();
        }

        // Left pages must not stay alive in the back/forward cache, one renderer process each.
        assertThat(ProcessHandle.of(browser.pid()).orElseThrow().descendants().count()).isLessThanOrEqualTo(settled + 2);
    }

    @Test
    void devTools_isReachableOverThePipeOnly_noProcessOfTheBrowserListensOnATcpPort() throws Exception {
        assertThat(render("/module.html", Device.DESKTOP, BUDGET).html()).contains("Dr. Ada Byron");
        ProcessHandle root = ProcessHandle.of(browser.pid()).orElseThrow();
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().collect(Collectors.toList()));
        tree.add(root);

        java.util.Set<String> listening = ListeningSockets.inodes();
        List<String> open = tree.stream().flatMap(p -> ListeningSockets.socketInodesOf(p.pid()).stream())
                .filter(listening::contains).collect(Collectors.toList());

        assertThat(open).as("listening sockets held by the browser's processes").isEmpty();
        assertThat(root.info().arguments().map(List::of).orElse(List.of()))
                .anyMatch(a -> a.equals("--remote-debugging-pipe"))
                .noneMatch(a -> a.startsWith("--remote-debugging-port"));
    }

    @Test
    void launch_sendsEverythingThroughTheEgressProxy_loopbackAndQuicIncluded() {
        List<String> args = ProcessHandle.of(browser.pid()).orElseThrow().info().arguments().map(List::of).orElse(List.of());

        assertThat(args).contains("--proxy-server=" + egress.refuseAll().proxyServer(),
                "--proxy-bypass-list=<-loopback>", "--disable-quic");
        assertThat(args).filteredOn(a -> a.startsWith("--proxy-")).hasSize(2);
    }

    @Test
    void launch_sandboxFlag_followsWhatTheMachineAllows() {
        ChromiumSandbox sandbox = ChromiumSandbox.detect();
        List<String> args = ProcessHandle.of(browser.pid()).orElseThrow().info().arguments().map(List::of).orElse(List.of());

        assertThat(args.contains("--no-sandbox")).as("--no-sandbox given").isEqualTo(!sandbox.enabled());
        if (ProcessHandle.current().info().user().filter("root"::equals).isPresent()) {
            assertThat(sandbox.reason()).contains("root");
        }
    }

    @Test
    void close_leavesNoProcessOfTheBrowserBehind() {
        ChromiumBrowser own = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(1), egress);
        ChromiumPage page = own.render(origin.uri("/module.html"), Device.DESKTOP, BUDGET, origin::allows);
        assertThat(page.html()).contains("Dr. Ada Byron");
        ProcessHandle root = ProcessHandle.of(own.pid()).orElseThrow();
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        assertThat(tree).as("renderer and helper processes").isNotEmpty();

        own.close();

        assertThat(root.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(own.isAlive()).isFalse();
    }

    @Test
    void browserOfAJvmKilledOutright_isKilledByItsWatchdog() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BrowserOfAKilledJvm.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> readPidLine(out)).get(60, TimeUnit.SECONDS);
            ProcessHandle browserRoot = ProcessHandle.of(Long.parseLong(line.substring(4).trim())).orElseThrow();
            List<ProcessHandle> tree = browserRoot.descendants().collect(Collectors.toList());

            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            List<ProcessHandle> all = new java.util.ArrayList<>(tree);
            all.add(browserRoot);
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException stillAlive) {
                    break;
                }
            }
            assertThat(browserRoot.isAlive()).as("browser of the killed JVM").isFalse();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static String readPidLine(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PID ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the child JVM exited without launching a browser");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void render_afterTheBrowserDied_throwsAndReportsNotAlive() throws Exception {
        ChromiumBrowser own = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(1), egress);
        try {
            ProcessHandle root = ProcessHandle.of(own.pid()).orElseThrow();
            root.destroyForcibly();
            root.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);

            Predicate<URI> all = uri -> true;
            assertThatThrownBy(() -> own.render(origin.uri("/module.html"), Device.DESKTOP, BUDGET, all))
                    .isInstanceOf(ChromiumException.class)
                    .hasMessageContaining("not running");
            assertThat(own.isAlive()).isFalse();
        } finally {
            own.close();
        }
    }
}
