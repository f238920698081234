package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A farm that is down, hangs or breaks: crawlers get the fallback in time and the gateway keeps serving. */
class FarmFailureIT {

    /**
     * HTTP/1.1: the JDK 17 client would upgrade to h2c and then fail every open stream on the GOAWAY that
     * starts a drain, which is its own limit, not the gateway's; the HTTP/2 drain is in {@link Http2IT}.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final GatewayTimeouts FAST = GatewayTimeouts.defaults()
            .withFarmConnect(Duration.ofMillis(500)).withFarmResponse(Duration.ofMillis(800));

    private static HttpResponse<String> crawl(Gateway gateway, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void farmDown_shellFallback_withReason() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(LoopbackFarm.closedPort(), null).withTimeouts(FAST));
        try {
            HttpResponse<String> r = crawl(gateway, "/doctors/17");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Fixture shell");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("farm-unreachable");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void farmDown_unavailableFallback_gives503WithRetryAfter() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(LoopbackFarm.closedPort(), null)
                .withTimeouts(FAST.withRetryAfter(Duration.ofSeconds(42))).withFallback(Fallback.UNAVAILABLE));
        try {
            HttpResponse<String> r = crawl(gateway, "/doctors/17");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("retry-after")).hasValue("42");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("farm-unreachable");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void farmHangs_fallbackWithinTheTimeout() throws Exception {
        try (LoopbackFarm.Silent silent = new LoopbackFarm.Silent()) {
            Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(silent.uri(), null).withTimeouts(FAST));
            try {
                long started = System.nanoTime();
                HttpResponse<String> r = crawl(gateway, "/doctors/17");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("Fixture shell");
                assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("farm-timeout");
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(3));
                assertThat(crawl(gateway, "/robots.txt").statusCode()).isEqualTo(200);
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void noFarmConfigured_crawlerGetsShellWithReason() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        try {
            HttpResponse<String> r = crawl(gateway, "/doctors/17");
            assertThat(r.body()).contains("Fixture shell");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("farm-not-configured");
        } finally {
            gateway.stop();
        }
    }

    @Test
    void farmRefuses_wrongToken_crawlerGetsTheShellNotThe401_andTheMetricsSayWhy() throws Exception {
        Farm farm = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)
                .withToken("the-farms-own-token")).start();
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withFarm(URI.create("http://127.0.0.1:" + farm.port()), "a-stale-token")
                .withMetrics(MetricsListener.loopback(0)));
        try {
            HttpResponse<String> r = crawl(gateway, "/doctors/17");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Fixture shell").doesNotContain("unauthorized");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("unauthorized");
            MetricsScrape s = MetricsScrape.awaitUntil(gateway,
                    m -> m.value("rendergate_gateway_crawler_requests_total", "answer", "shell") == 1);
            assertThat(s.value("rendergate_gateway_upstream_errors_total", "upstream", "farm", "reason", "unauthorized"))
                    .isEqualTo(1);
            assertThat(s.value("rendergate_gateway_fallbacks_total", "reason", "unauthorized")).isEqualTo(1);
        } finally {
            gateway.stop();
            farm.stop();
        }
    }

    @Test
    void viewerDisconnectsMidStream_upstreamIsCancelled_andGatewayKeepsServing() throws Exception {
        try (LoopbackFarm farm = new LoopbackFarm()) {
            Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), null)
                    .withTimeouts(GatewayTimeouts.defaults().withFarmResponse(Duration.ofSeconds(20))));
            try {
                HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway.port() + "/stream-forever"))
                        .header("User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                try (InputStream body = r.body()) {
                    assertThat(body.readNBytes(4096)).hasSize(4096);
                }
                assertThat(farm.streaming.await(5, TimeUnit.SECONDS)).isTrue();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (farm.streamError.get() == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(farm.streamError.get()).as("the farm's stream was cut").isNotNull();
                assertThat(crawl(gateway, "/robots.txt").statusCode()).isEqualTo(200);
                assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).contains("ok");
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void stop_drainsAnInFlightRender_beforeClosing() throws Exception {
        try (LoopbackFarm farm = new LoopbackFarm()) {
            Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), null));
            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.port() + "/wait-for-release"))
                    .header("User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (farm.seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(farm.seen).hasSize(1);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(gateway::stop);
            farm.release.countDown();
            HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("<html>rendered</html>");
            stopping.get(10, TimeUnit.SECONDS);
        }
    }
}
