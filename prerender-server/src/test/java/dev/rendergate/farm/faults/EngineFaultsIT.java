package dev.rendergate.farm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.ChromiumEngine;
import dev.rendergate.farm.render.FailureReason;
import dev.rendergate.farm.render.RenderJob;
import dev.rendergate.farm.render.RenderOutcome;
import dev.rendergate.farm.render.RenderSettings;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.render.chromium.ChromiumOptions;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import dev.rendergate.farm.testing.TestEgress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chromium failing under a running farm: the whole browser or one renderer killed mid-render, a browser that hangs
 * on launch, a profile directory that cannot be written. The crawler gets a failure with a fixed reason within
 * the budget (never a cached partial 200), {@code /ready} and the metrics say what is wrong, and the next render
 * after the fault is gone is a full page, without restarting the farm.
 */
class EngineFaultsIT {
    private static final Duration BUDGET = Duration.ofSeconds(8);
    /** Time to answer past the budget: the engine's reserve to stop a page, the pool, HTTP. */
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final String READY_LATE = "/ready-after-3s.html";

    private static OriginServer origin;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        origin = OriginServer.start();
    }

    @AfterAll
    static void stop() {
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void browserKilledMidRender_crawlerGetsChromiumErrorInTime_nothingCached_nextRenderRelaunches() throws Exception {
        Farm farm = chromiumFarm(null);
        try {
            FarmClient client = new FarmClient(farm.port());
            assertThat(client.render(origin.origin() + "/basic.html").statusCode()).isEqualTo(200);
            List<ProcessHandle> browser = ChromiumProcesses.browsers();
            assertThat(browser).hasSize(1);

            Timed<HttpResponse<String>> killed = killedDuring(client, origin.origin() + READY_LATE,
                    () -> ChromiumProcesses.kill(browser));

            assertThat(killed.value().statusCode()).isEqualTo(502);
            assertThat(killed.value().headers().firstValue("X-Rendergate-Reason")).hasValue("chromium-error");
            assertThat(killed.took()).isLessThan(BUDGET.plus(MARGIN));
            assertThat(client.get("/ready").body()).contains("chromium died");

            HttpResponse<String> healed = client.render(origin.origin() + READY_LATE);
            assertThat(healed.statusCode()).isEqualTo(200);
            assertThat(healed.body()).contains("Rendered in full");
            assertThat(healed.headers().firstValue("X-Rendergate-Cache")).as("the failure was not cached").hasValue("MISS");
            assertThat(farm.prerenderer().metrics().count("rendergate_pool_recycles", "reason", "chromium-died"))
                    .isEqualTo(1);
            assertThat(farm.prerenderer().metrics().count("rendergate_chromium_launches", "outcome", "ok"))
                    .isEqualTo(2);
            assertThat(client.get("/ready").body()).doesNotContain("chromium");
        } finally {
            farm.stop();
        }
    }

    @Test
    void rendererKilledMidRender_crawlerGetsAFailureInTime_nothingCached_theTabIsReplaced() throws Exception {
        Farm farm = chromiumFarm(null);
        try {
            FarmClient client = new FarmClient(farm.port());
            assertThat(client.render(origin.origin() + "/basic.html").statusCode()).isEqualTo(200);

            List<ProcessHandle> renderers = new java.util.ArrayList<>();
            Timed<HttpResponse<String>> killed = killedDuring(client, origin.origin() + READY_LATE, () -> {
                renderers.addAll(ChromiumProcesses.renderers());
                ChromiumProcesses.kill(renderers);
            });

            assertThat(renderers).as("renderers killed").isNotEmpty();
            assertThat(killed.value().statusCode()).as(killed.value().body()).isGreaterThanOrEqualTo(500);
            assertThat(killed.value().headers().firstValue("X-Rendergate-Reason")).hasValue("chromium-error");
            assertThat(killed.value().body()).doesNotContain("Loading");
            assertThat(killed.took()).isLessThan(BUDGET.plus(MARGIN));

            HttpResponse<String> healed = client.render(origin.origin() + READY_LATE);
            assertThat(healed.statusCode()).isEqualTo(200);
            assertThat(healed.body()).contains("Rendered in full");
            assertThat(healed.headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
            assertThat(farm.prerenderer().metrics().count("rendergate_chromium_launches", "outcome", "ok"))
                    .as("the browser itself survived").isEqualTo(1);
        } finally {
            farm.stop();
        }
    }

    @Test
    void browserHangsOnRelaunch_crawlerWaitsNoLongerThanTheBudget_readySaysSo_andItHealsWhenChromiumStarts()
            throws Exception {
        Path hangMarker = temp.resolve("hang");
        Path chromium = fakeChromium(hangMarker);
        Farm farm = chromiumFarm(chromium);
        try {
            FarmClient client = new FarmClient(farm.port());
            assertThat(client.render(origin.origin() + "/basic.html").statusCode()).isEqualTo(200);
            Files.writeString(hangMarker, "");
            ChromiumProcesses.kill(ChromiumProcesses.browsers());
            Await.until(() -> client.get("/ready").body().contains("chromium died"), Duration.ofSeconds(5),
                    "the engine sees the browser gone");

            long started = System.nanoTime();
            HttpResponse<String> hung = client.render(origin.origin() + "/basic.html?id=hung-1");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(hung.statusCode()).isEqualTo(502);
            assertThat(hung.headers().firstValue("X-Rendergate-Reason")).hasValue("chromium-unavailable");
            assertThat(took).as("bounded by the render budget, not the 20 s launch timeout")
                    .isLessThan(BUDGET.plus(MARGIN));
            long fastStart = System.nanoTime();
            HttpResponse<String> meanwhile = client.render(origin.origin() + "/basic.html?id=hung-2");
            assertThat(meanwhile.headers().firstValue("X-Rendergate-Reason")).hasValue("chromium-unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - fastStart)).as("no second wait on a hung launch")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(client.get("/ready").body()).contains("chromium down").contains("launch failed");
            assertThat(farm.prerenderer().metrics().count("rendergate_chromium_launches", "outcome", "failed"))
                    .isEqualTo(1);

            Files.delete(hangMarker);
            Await.until(() -> client.render(origin.origin() + "/basic.html?id=hung-1").statusCode() == 200,
                    Duration.ofSeconds(30), "a render once Chromium starts again");
            assertThat(client.get("/ready").body()).doesNotContain("chromium");
        } finally {
            farm.stop();
        }
    }

    @Test
    void profileDirectoryUnwritable_renderFailsWithTheFix_andHealsWhenTheDirectoryIsBack() throws Exception {
        Path blocker = Files.writeString(temp.resolve("profiles"), "a file where a directory should be");
        FarmMetrics metrics = new FarmMetrics();
        RenderSettings settings = new RenderSettings(BUDGET, 504, Duration.ofMillis(500),
                FarmConfig.defaults().appRootSelector(),
                List.of(origin.origin()), null);
        SubrequestPolicy policy = new SubrequestPolicy(List.of(origin.origin()),
                AddressGuard.system(Set.of("127.0.0.1:" + origin.port())));
        EgressProxy egress = TestEgress.allowing(origin.origin());
        ChromiumEngine engine = new ChromiumEngine(ChromiumOptions.defaults().withTabs(1)
                .withProfileParent(blocker.resolve("chromium")), settings, policy, metrics, egress);
        try {
            RenderOutcome outcome = engine.render(RenderJob.of(origin.url("/basic.html"), Device.DESKTOP, BUDGET));

            assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.CHROMIUM_UNAVAILABLE);
                assertThat(f.detail()).contains("profile directory").contains(blocker.toString())
                        .contains("free disk space");
            });
            assertThat(engine.problem()).hasValueSatisfying(p -> assertThat(p).contains("profile directory"));
            assertThat(metrics.count("rendergate_chromium_launches", "outcome", "failed")).isEqualTo(1);

            Files.delete(blocker);
            Files.createDirectories(blocker.resolve("chromium"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Await.until(() -> engine.render(RenderJob.of(origin.url("/basic.html"), Device.DESKTOP, BUDGET))
                    instanceof RenderOutcome.Rendered, Duration.ofSeconds(30), "a render once the directory is back");
            assertThat(engine.problem()).isEmpty();
        } finally {
            engine.close();
            egress.close();
        }
        try (var left = Files.list(blocker.resolve("chromium"))) {
            assertThat(left).as("profiles removed on close").isEmpty();
        }
    }

    private static Farm chromiumFarm(Path chromium) {
        FarmConfig config = FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.CHROMIUM)
                .withPoolSize(1)
                .withRenderTimeout(BUDGET);
        return Farm.create(chromium == null ? config : config.withChromium(chromium.toString())).start();
    }

    /**
     * A Chromium launcher that starts the real browser, or, while {@code hangMarker} exists, hangs the way a browser
     * stuck on launch does: it never answers on its DevTools pipe.
     */
    private static Path fakeChromium(Path hangMarker) throws Exception {
        Path real = ChromiumBrowser.findExecutable().orElseThrow();
        Path script = temp.resolve("chromium");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ -e '" + hangMarker + "' ]; then exec sleep 120; fi\n"
                + "exec '" + real + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    /** Starts a render of {@code url}, runs {@code fault} once the origin has served the page, and times the answer. */
    private static Timed<HttpResponse<String>> killedDuring(FarmClient client, String url, Runnable fault)
            throws Exception {
        int before = origin.requests();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = client.renderAsync(url);
        Await.until(() -> origin.requests() > before, Duration.ofSeconds(5), "the page fetched");
        long fetched = System.nanoTime();
        // The page waits three seconds before it says it is ready: one second in, it is loaded in its renderer.
        Await.until(() -> System.nanoTime() - fetched > TimeUnit.SECONDS.toNanos(1), Duration.ofSeconds(2),
                "the render a second in");
        fault.run();
        HttpResponse<String> response = answer.get(BUDGET.plus(MARGIN).toSeconds() + 5, TimeUnit.SECONDS);
        return new Timed<>(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed<T>(T value, Duration took) {
    }
}
