package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the metrics say when things go wrong: a farm that is down or refuses, a fallback of each kind, a dead
 * service and a dead origin; reasons an upstream makes up stay a bounded label; an open HTTP/2 stream and its
 * connection show in the gauges while it is answered.
 */
class GatewayMetricsFailuresIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final GatewayTimeouts FAST = GatewayTimeouts.defaults()
            .withFarmConnect(Duration.ofMillis(500)).withFarmResponse(Duration.ofMillis(800));

    private Gateway gateway;
    private LoopbackFarm farm;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (farm != null) {
            farm.close();
        }
    }

    private Gateway start(GatewayConfig config) {
        gateway = Fixtures.start(config.withTimeouts(FAST).withMetrics(MetricsListener.loopback(0)));
        return gateway;
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private MetricsScrape scrapeAfter(int requests) throws Exception {
        return MetricsScrape.awaitUntil(gateway, s -> s.value("rendergate_gateway_request_duration_seconds_count") >= requests);
    }

    @Test
    void farmDown_countsTheFarmErrorTheFallbackAndTheShellAnswer() throws Exception {
        start(Fixtures.config(Fixtures.site()).withFarm(LoopbackFarm.closedPort(), null));
        assertThat(get("/doctors/17", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).body()).contains("Fixture shell");

        MetricsScrape s = scrapeAfter(1);
        assertThat(s.value("rendergate_gateway_upstream_errors_total", "upstream", "farm", "reason", "farm-unreachable"))
                .isEqualTo(1);
        assertThat(s.value("rendergate_gateway_fallbacks_total", "reason", "farm-unreachable")).isEqualTo(1);
        assertThat(s.value("rendergate_gateway_crawler_requests_total", "class", "search", "answer", "shell")).isEqualTo(1);
        assertThat(s.value("rendergate_gateway_request_duration_seconds_count", "route", "prerender", "status", "2xx"))
                .isEqualTo(1);
    }

    @Test
    void unavailableFallback_isCountedAsA503Answer() throws Exception {
        start(Fixtures.config(Fixtures.site()).withFarm(LoopbackFarm.closedPort(), null).withFallback(Fallback.UNAVAILABLE));
        assertThat(get("/doctors/17", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).statusCode()).isEqualTo(503);

        MetricsScrape s = scrapeAfter(1);
        assertThat(s.value("rendergate_gateway_crawler_requests_total", "class", "search", "answer", "unavailable"))
                .isEqualTo(1);
        assertThat(s.value("rendergate_gateway_request_duration_seconds_count", "route", "prerender", "status", "5xx"))
                .isEqualTo(1);
    }

    @Test
    void noFarmConfigured_isAFallbackButNoUpstreamError() throws Exception {
        start(Fixtures.config(Fixtures.site()));
        get("/doctors/17", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);

        MetricsScrape s = scrapeAfter(1);
        assertThat(s.value("rendergate_gateway_fallbacks_total", "reason", "farm-not-configured")).isEqualTo(1);
        assertThat(s.named("rendergate_gateway_upstream_errors_total")).isEmpty();
    }

    @Test
    void reasonsTheFarmMakesUp_stayABoundedLabel() throws Exception {
        farm = new LoopbackFarm();
        farm.script(seen -> new LoopbackFarm.Reply(503,
                Map.of("X-Rendergate-Reason", seen.uri().contains("odd") ? "Not A Token!" : "busy-" + farm.seen.size()), "busy"));
        start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), null));
        int requests = 45;
        for (int i = 0; i < requests - 1; i++) {
            get("/doctors/" + i, CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
        }
        get("/doctors/odd", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);

        MetricsScrape s = scrapeAfter(requests);
        List<MetricsScrape.Sample> fallbacks = s.named("rendergate_gateway_fallbacks_total");
        assertThat(fallbacks.stream().mapToDouble(MetricsScrape.Sample::value).sum()).isEqualTo(requests);
        assertThat(fallbacks).as("32 reasons, then other").hasSizeLessThanOrEqualTo(33);
        assertThat(s.value("rendergate_gateway_fallbacks_total", "reason", "other")).isGreaterThanOrEqualTo(requests - 32);
        assertThat(s.text()).doesNotContain("Not A Token");
    }

    @Test
    void deadServiceRoute_isAServiceError() throws Exception {
        start(Fixtures.config(Fixtures.site()).withRoutes(List.of(ProxyRoute.parse("/api/=" + LoopbackFarm.closedPort()))));
        assertThat(get("/api/doctors", CrawlerRoutingIT.FIREFOX).statusCode()).isEqualTo(502);

        MetricsScrape s = scrapeAfter(1);
        assertThat(s.value("rendergate_gateway_upstream_errors_total", "upstream", "service", "reason", "route-unreachable"))
                .isEqualTo(1);
        assertThat(s.value("rendergate_gateway_request_duration_seconds_count", "route", "api", "status", "5xx")).isEqualTo(1);
    }

    @Test
    void deadOrigin_isAnOriginError() throws Exception {
        start(Fixtures.originConfig(LoopbackFarm.closedPort()));
        assertThat(get("/app.js", CrawlerRoutingIT.FIREFOX).statusCode()).isEqualTo(502);

        MetricsScrape s = scrapeAfter(1);
        // The asset's fetch, and the shell's fetch at start.
        assertThat(s.value("rendergate_gateway_upstream_errors_total", "upstream", "origin", "reason", "origin-unreachable"))
                .isGreaterThanOrEqualTo(1);
        assertThat(s.value("rendergate_gateway_request_duration_seconds_count", "route", "origin", "status", "5xx"))
                .isEqualTo(1);
    }

    @Test
    void openHttp2Stream_showsInTheGaugesUntilAnswered() throws Exception {
        farm = new LoopbackFarm();
        // Default timeouts: the render is held until released.
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), null)
                .withMetrics(MetricsListener.loopback(0)));
        try (RawH2 raw = new RawH2(gateway.port(), 10_000)) {
            raw.get(1, "/doctors/wait-for-release", "user-agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
            MetricsScrape open = MetricsScrape.awaitUntil(gateway,
                    s -> s.value("rendergate_gateway_open_http2_streams") == 1 && s.value("rendergate_gateway_requests_in_flight") == 1);
            assertThat(open.value("rendergate_gateway_open_http2_streams")).isEqualTo(1);
            assertThat(open.value("rendergate_gateway_requests_in_flight")).isEqualTo(1);
            assertThat(open.value("rendergate_gateway_open_connections")).isGreaterThanOrEqualTo(1);

            farm.release.countDown();
            assertThat(raw.response(1).status()).isEqualTo(200);
            // The stream closes when its last frame is written; the request is counted when that write's future
            // completes: either may be seen first.
            MetricsScrape done = MetricsScrape.awaitUntil(gateway, s -> s.value("rendergate_gateway_open_http2_streams") == 0
                    && s.value("rendergate_gateway_crawler_requests_total", "answer", "farm") == 1);
            assertThat(done.value("rendergate_gateway_open_http2_streams")).isZero();
            assertThat(done.value("rendergate_gateway_requests_in_flight")).isZero();
            assertThat(done.value("rendergate_gateway_crawler_requests_total", "answer", "farm")).isEqualTo(1);
        }
    }

    @Test
    void manyPathsAndUserAgents_addNoSeries() throws Exception {
        start(Fixtures.config(Fixtures.site()));
        get("/robots.txt", CrawlerRoutingIT.FIREFOX);
        int before = scrapeAfter(1).samples().size();
        for (int i = 0; i < 30; i++) {
            get("/robots.txt?n=" + i, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/" + (100 + i));
            get("/no-such-" + i + ".css", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/" + (100 + i));
        }
        MetricsScrape s = scrapeAfter(61);
        // One more status class (4xx for the missing files): its 16 buckets, count, sum and max; none per path or UA.
        assertThat(s.samples().size() - before).isLessThanOrEqualTo(19);
        assertThat(s.text()).doesNotContain("no-such-").doesNotContain("Firefox/1");
    }
}
