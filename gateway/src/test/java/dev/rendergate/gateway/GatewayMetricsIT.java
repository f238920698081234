package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's metrics after real requests: the sample SPA behind the gateway, a real in-process farm (HtmlUnit)
 * behind that, people and crawlers over HTTP/1.1, then a scrape of the metrics listener. The farm renders the
 * pages from a second gateway (the public origin), so the page's own fetches do not count in the first one's
 * metrics and every count below is exact.
 */
class GatewayMetricsIT {

    private static final Path SAMPLE_SITE = Path.of("..", "static-site", "site");
    private static final String GPTBOT = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
            + "+https://openai.com/gptbot)";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static Farm farm;
    private static Gateway publicSite;
    private static Gateway gateway;
    private static long staticBytes;
    private static MetricsScrape scrape;

    @BeforeAll
    static void startAndSendRequests() throws Exception {
        publicSite = Gateway.create(Fixtures.config(SAMPLE_SITE)).start();
        String origin = "http://127.0.0.1:" + publicSite.port();
        farm = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1).withToken("t0k3n")
                .withAllowedOrigin(origin).withPrivateAddressException("127.0.0.1:" + publicSite.port())).start();
        gateway = Gateway.create(Fixtures.config(SAMPLE_SITE).withPublicOrigin(URI.create(origin))
                .withFarm(URI.create("http://127.0.0.1:" + farm.port()), "t0k3n")
                .withTimeouts(GatewayTimeouts.defaults().withFarmResponse(Duration.ofSeconds(30)))
                .withMetrics(MetricsListener.loopback(0))).start();

        staticBytes += person("/index.html", 200);
        staticBytes += person("/app.js", 200);
        staticBytes += person("/doctors/17-emma-schwarz", 200);
        staticBytes += person("/no-such-file.js", 404);
        assertThat(get("/doctors/17-emma-schwarz", CrawlerRoutingIT.GOOGLEBOT_SMARTPHONE).statusCode()).isEqualTo(200);
        assertThat(get("/about", GPTBOT).statusCode()).isEqualTo(200);
        assertThat(get("/healthz", CrawlerRoutingIT.FIREFOX).statusCode()).isEqualTo(200);
        scrape = MetricsScrape.awaitUntil(gateway, s -> s.value("rendergate_gateway_request_duration_seconds_count") >= 7);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (farm != null) {
            farm.stop();
        }
        if (publicSite != null) {
            publicSite.stop();
        }
    }

    @Test
    void requests_countedByRouteAndStatusClass() {
        assertThat(scrape.value("rendergate_gateway_request_duration_seconds_count", "route", "static", "status", "2xx"))
                .isEqualTo(3);
        assertThat(scrape.value("rendergate_gateway_request_duration_seconds_count", "route", "static", "status", "4xx"))
                .isEqualTo(1);
        assertThat(scrape.value("rendergate_gateway_request_duration_seconds_count", "route", "prerender", "status", "2xx"))
                .isEqualTo(2);
        assertThat(scrape.value("rendergate_gateway_request_duration_seconds_count", "route", "health")).isEqualTo(1);
    }

    @Test
    void latency_isAHistogramInSeconds_whoseBucketsAddUp() {
        double count = scrape.value("rendergate_gateway_request_duration_seconds_count", "route", "prerender");
        double inf = scrape.value("rendergate_gateway_request_duration_seconds_bucket", "route", "prerender", "le", "+Inf");
        assertThat(inf).isEqualTo(count);
        // A render through HtmlUnit takes tens of milliseconds at least; a sum in nanoseconds or ms would be far larger.
        double sum = scrape.value("rendergate_gateway_request_duration_seconds_sum", "route", "prerender");
        assertThat(sum).isGreaterThan(0.001).isLessThan(60);
        double previous = 0;
        for (MetricsScrape.Sample bucket : scrape.named("rendergate_gateway_request_duration_seconds_bucket")) {
            if (bucket.labels().get("route").equals("static") && bucket.labels().get("status").equals("2xx")) {
                assertThat(bucket.value()).as("cumulative buckets").isGreaterThanOrEqualTo(previous);
                previous = bucket.value();
            }
        }
        assertThat(previous).isEqualTo(3);
        assertThat(scrape.named("rendergate_gateway_request_duration_seconds_bucket").stream()
                .filter(b -> b.labels().get("route").equals("static") && b.labels().get("status").equals("2xx")))
                .as("fixed buckets, not Micrometer's ~70").hasSize(16);
    }

    @Test
    void bodyBytes_areWhatTheClientsReceived() {
        assertThat(scrape.value("rendergate_gateway_response_body_bytes_total", "route", "static")).isEqualTo(staticBytes);
        assertThat(scrape.value("rendergate_gateway_response_body_bytes_total", "route", "prerender")).isGreaterThan(1000);
    }

    @Test
    void crawlers_countedByClassAndAnswer() {
        assertThat(scrape.value("rendergate_gateway_crawler_requests_total", "class", "search", "answer", "farm")).isEqualTo(1);
        assertThat(scrape.value("rendergate_gateway_crawler_requests_total", "class", "ai", "answer", "farm")).isEqualTo(1);
        assertThat(scrape.value("rendergate_gateway_crawler_requests_total")).isEqualTo(2);
        assertThat(scrape.named("rendergate_gateway_fallbacks_total")).isEmpty();
        assertThat(scrape.named("rendergate_gateway_upstream_errors_total")).isEmpty();
    }

    @Test
    void gauges_areExported() {
        assertThat(scrape.named("rendergate_gateway_open_connections")).hasSize(1);
        assertThat(scrape.named("rendergate_gateway_open_http2_streams")).hasSize(1);
        assertThat(scrape.value("rendergate_gateway_requests_in_flight")).isZero();
    }

    @Test
    void labels_neverCarryAPathOrAUserAgent() {
        assertThat(scrape.text()).doesNotContain("emma-schwarz").doesNotContain("index.html").doesNotContain("app.js")
                .doesNotContain("Googlebot").doesNotContain("GPTBot").doesNotContain("Firefox");
    }

    @Test
    void publicPort_neverShowsTheMetrics() throws Exception {
        HttpResponse<String> r = get("/metrics", CrawlerRoutingIT.FIREFOX);
        assertThat(r.body()).doesNotContain("rendergate_gateway_");
        assertThat(gateway.metricsPort()).isPositive().isNotEqualTo(gateway.port());
    }

    private static long person(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(request(path, CrawlerRoutingIT.FIREFOX), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(expectedStatus);
        return r.body().length;
    }

    private static HttpResponse<String> get(String path, String userAgent) throws Exception {
        return HTTP.send(request(path, userAgent), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path, String userAgent) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).build();
    }
}
