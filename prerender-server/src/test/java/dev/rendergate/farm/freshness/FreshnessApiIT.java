package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.TestJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recache, invalidate and status endpoints of a real farm over real HTTP, against a loopback origin. */
class FreshnessApiIT {
    private static final String TOKEN = "s3cret";
    private static SiteOrigin origin;
    private static Farm farm;
    private static HttpClient http;
    private static FarmApiClient api;

    @BeforeAll
    static void start() throws Exception {
        origin = SiteOrigin.start();
        origin.put("/slow", SiteOrigin.page("slow"));
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withToken(TOKEN)
                .withPoolSize(2)
                .withRenderTimeout(Duration.ofSeconds(5))
                .withNetworkIdle(Duration.ofMillis(200))).start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        api = new FarmApiClient(http, URI.create("http://127.0.0.1:" + farm.port()), TOKEN, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        farm.stop();
        origin.close();
    }

    @BeforeEach
    void emptyCache() {
        farm.prerenderer().cache().invalidateAll();
    }

    @Test
    void recache_cachedUrl_rendersAgainAndReplaces() throws Exception {
        URI page = URI.create(origin.url("/a"));
        assertThat(api.render(page, Device.DESKTOP).cache()).isEqualTo("MISS");
        assertThat(api.render(page, Device.DESKTOP).cache()).isEqualTo("HIT");
        int before = origin.hits("/a");
        origin.put("/a", SiteOrigin.page("Version two"));

        HttpResponse<String> r = post("{\"url\":" + TestJson.quote(page.toString()) + "}", "application/json", TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestJson.parse(r.body())).isEqualTo(Map.of("recached", 1L, "invalidated", 1L, "failed", List.of()));
        assertThat(origin.hits("/a")).isEqualTo(before + 1);
        HttpResponse<String> served = get("/render?url=" + enc(page.toString()), TOKEN);
        assertThat(served.headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(served.body()).contains("Version two");
        origin.put("/a", SiteOrigin.page("Page /a"));
    }

    @Test
    void recache_formBodyWithDeviceAndAFailingUrl_reportsReasons() throws Exception {
        String body = "url=" + enc(origin.url("/docs/1")) + "&url=" + enc("http://elsewhere.example/x")
                + "&url=" + enc("not a url") + "&url=" + enc(origin.url("/broken")) + "&device=mobile";

        HttpResponse<String> r = post(body, "application/x-www-form-urlencoded", TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        RecacheSummary summary = new FarmApiClient(http, URI.create("http://127.0.0.1:" + farm.port()), TOKEN,
                Duration.ofSeconds(20)).recache(List.of(origin.url("/docs/2")), null, Device.MOBILE);
        assertThat(summary.recached()).isEqualTo(1);
        Map<?, ?> answer = (Map<?, ?>) TestJson.parse(r.body());
        assertThat(answer.get("recached")).isEqualTo(1L);
        List<Object> reasons = ((List<?>) answer.get("failed")).stream().map(f -> ((Map<?, ?>) f).get("reason"))
                .map(Object.class::cast).toList();
        assertThat(reasons).containsExactlyInAnyOrder("origin-not-allowed", "bad-url", "origin-status-500");
        assertThat(api.state(URI.create(origin.url("/docs/1")), Device.MOBILE)).isEqualTo(CacheState.FRESH);
        assertThat(api.state(URI.create(origin.url("/docs/1")), Device.DESKTOP)).isEqualTo(CacheState.MISSING);
    }

    @Test
    void freshnessApi_withoutToken_is401() throws Exception {
        assertThat(post("{\"url\":\"" + origin.url("/a") + "\"}", "application/json", null).statusCode()).isEqualTo(401);
        assertThat(post("{\"url\":\"" + origin.url("/a") + "\"}", "application/json", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> status = get("/cache/status?url=" + enc(origin.url("/a")), null);
        assertThat(status.statusCode()).isEqualTo(401);
        assertThat(status.headers().firstValue("X-Rendergate-Reason")).hasValue("unauthorized");
        assertThat(send(HttpRequest.newBuilder(farmUri("/cache?all=true")).DELETE()).statusCode()).isEqualTo(401);
    }

    @Test
    void recache_badBodies_are400Or413() throws Exception {
        assertThat(post("{\"urls\":", "application/json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(post("{}", "application/json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(post("{\"url\":\"x\",\"device\":\"fridge\"}", "application/json", TOKEN).statusCode()).isEqualTo(400);
        String huge = "{\"url\":\"" + "a".repeat(FreshnessRoutes.MAX_BODY_BYTES) + "\"}";
        assertThat(post(huge, "application/json", TOKEN).statusCode()).isEqualTo(413);
        String tooMany = "{\"urls\":[" + "\"http://x/\",".repeat(RecacheRequest.MAX_URLS) + "\"http://x/\"]}";
        HttpResponse<String> r = post(tooMany, "application/json", TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("at most 1000 urls");
    }

    @Test
    void status_tracksMissingFreshAndInvalidated() {
        URI page = URI.create(origin.url("/docs/2"));
        assertThat(api.state(page, Device.DESKTOP)).isEqualTo(CacheState.MISSING);
        api.render(page, Device.DESKTOP);
        assertThat(api.state(page, Device.DESKTOP)).isEqualTo(CacheState.FRESH);
        assertThat(api.state(URI.create(origin.url("/docs/2?utm_source=x")), Device.DESKTOP))
                .as("same key after normalisation").isEqualTo(CacheState.FRESH);
    }

    @Test
    void deleteCache_byUrlPrefixAndAll_answersCounts() throws Exception {
        for (String page : SiteOrigin.PAGES) {
            api.render(URI.create(origin.url(page)), Device.DESKTOP);
        }
        api.render(URI.create(origin.url("/a")), Device.MOBILE);

        assertThat(delete("url=" + enc(origin.url("/a")))).isEqualTo(Map.of("invalidated", 2L));
        assertThat(delete("prefix=" + enc(origin.url("/docs/")))).isEqualTo(Map.of("invalidated", 2L));
        assertThat(api.state(URI.create(origin.url("/docs/1")), Device.DESKTOP)).isEqualTo(CacheState.MISSING);
        assertThat(api.state(URI.create(origin.url("/")), Device.DESKTOP)).isEqualTo(CacheState.FRESH);
        assertThat(delete("all=true")).isEqualTo(Map.of("invalidated", 1L));
        assertThat(api.state(URI.create(origin.url("/")), Device.DESKTOP)).isEqualTo(CacheState.MISSING);
        assertThat(send(HttpRequest.newBuilder(farmUri("/cache?url=a&all=true")).header("X-Prerender-Token", TOKEN)
                .DELETE()).statusCode()).isEqualTo(400);
    }

    @Test
    void recache_prefix_rerendersMatchingSnapshotsAndRecordsTheBuild() throws Exception {
        api.render(URI.create(origin.url("/docs/1")), Device.DESKTOP);
        api.render(URI.create(origin.url("/a")), Device.DESKTOP);
        int docsBefore = origin.hits("/docs/1");
        int aBefore = origin.hits("/a");

        HttpResponse<String> r = post("{\"prefix\":" + TestJson.quote(origin.url("/docs/")) + ",\"buildId\":\"deploy-7\"}",
                "application/json", TOKEN);

        assertThat(TestJson.parse(r.body())).isEqualTo(Map.of("recached", 1L, "invalidated", 0L, "failed", List.of()));
        assertThat(origin.hits("/docs/1")).isEqualTo(docsBefore + 1);
        assertThat(origin.hits("/a")).isEqualTo(aBefore);
        assertThat(api.state(URI.create(origin.url("/docs/1")), Device.DESKTOP)).isEqualTo(CacheState.FRESH);
        HttpResponse<String> status = get("/cache/status?url=" + enc(origin.url("/docs/1")), TOKEN);
        assertThat(TestJson.parse(status.body())).isEqualTo(Map.of("url", origin.url("/docs/1"), "device", "desktop",
                "state", "fresh", "buildId", "deploy-7"));
        assertThat(post("{\"prefix\":" + TestJson.quote(origin.url("/docs/")) + ",\"buildId\":\"bad id\"}",
                "application/json", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void warm_sitemapTwice_secondRunRendersNothing() {
        List<URI> pages = new SitemapReader(http, SitemapReader.Limits.defaults()).read(origin.url("/sitemap-index.xml"));
        assertThat(pages).hasSize(SiteOrigin.PAGES.length);
        Warmer warmer = new Warmer(api, 2);
        List<WarmProgress> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        WarmReport first = warmer.warm(pages, List.of(Device.values()), false, seen::add);
        int originHits = origin.hits("/docs/1");
        WarmReport second = warmer.warm(pages, List.of(Device.values()), false, p -> { });

        assertThat(first.rendered()).isEqualTo(8);
        assertThat(first.failed()).isEmpty();
        assertThat(seen).extracting(WarmProgress::done).contains(8);
        assertThat(second.rendered()).isZero();
        assertThat(second.skipped()).isEqualTo(8);
        assertThat(origin.hits("/docs/1")).isEqualTo(originHits);
    }

    @Test
    void warm_failingPage_reportsItsReason() {
        WarmReport report = new Warmer(api, 2).warm(List.of(URI.create(origin.url("/broken")),
                URI.create("http://elsewhere.example/")), List.of(Device.DESKTOP), false, p -> { });

        assertThat(report.failed()).extracting(WarmReport.Failure::reason)
                .containsExactlyInAnyOrder("origin-not-allowed", report.failed().stream()
                        .filter(f -> f.url().endsWith("/broken")).findFirst().orElseThrow().reason());
        assertThat(report.failed()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    }

    private static Map<?, ?> delete(String query) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(farmUri("/cache?" + query)).header("X-Prerender-Token", TOKEN)
                .DELETE());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (Map<?, ?>) TestJson.parse(r.body());
    }

    private static HttpResponse<String> post(String body, String type, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(farmUri("/recache")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(token == null ? b : b.header("X-Prerender-Token", token));
    }

    private static HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(farmUri(pathAndQuery)).GET();
        return send(token == null ? b : b.header("X-Prerender-Token", token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI farmUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + farm.port() + pathAndQuery);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
