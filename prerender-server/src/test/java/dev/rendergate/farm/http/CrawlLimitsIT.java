package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.CacheStats;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client posing as a crawler can cost the farm (issue 16, finding 5): made-up query parameters neither
 * make renders of their own nor reach the page, and one address spraying cache misses is refused 429 after its
 * burst while other addresses and cache hits are served. Real HtmlUnit, a real origin, the render API.
 */
class CrawlLimitsIT {
    private static final int BURST = 3;
    private static final String SPRAYER = "203.0.113.9";
    private static OriginServer origin;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() throws Exception {
        origin = OriginServer.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(1)
                .withRenderTimeout(Duration.ofSeconds(4))
                .withNetworkIdle(Duration.ofMillis(200))
                .withMissRatePerMinute(1)
                .withMissBurst(BURST)).start();
        client = new FarmClient(farm.port());
    }

    @AfterAll
    static void stop() {
        farm.stop();
        origin.close();
    }

    @Test
    void randomQueryStrings_likeAFakeGooglebotSends_areOneRenderAndOneEntry() {
        long rendersBefore = stats().renders();
        long entriesBefore = stats().entries();
        Random random = new Random(16);
        for (int i = 0; i < 12; i++) {
            String junk = Long.toHexString(random.nextLong());
            HttpResponse<String> r = client.render(origin.origin() + "/basic.html?" + junk + "=" + i + "&x=" + junk,
                    Map.of("X-Rendergate-Client-Ip", "198.51.100." + (10 + i)));
            assertThat(r.statusCode()).as("request %d", i).isEqualTo(200);
        }

        assertThat(stats().renders() - rendersBefore).isEqualTo(1);
        assertThat(stats().entries() - entriesBefore).isEqualTo(1);
    }

    @Test
    void aParameterOffTheAllowList_neverReachesThePage_andAnAllowedOneDoes() {
        HttpResponse<String> r = client.render(origin.origin()
                + "/search-echo.html?utm_source=EVIL&promo=EVIL&page=2&q=shoes",
                Map.of("X-Rendergate-Client-Ip", "198.51.100.200"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("#search").text()).isEqualTo("search=?page=2&q=shoes");
        assertThat(r.body()).doesNotContain("EVIL");
    }

    @Test
    void aMissSprayer_gets429AfterItsBurst_whileAnotherAddressAndCacheHitsAreServed() {
        String cached = origin.origin() + "/basic.html?page=cached";
        assertThat(client.render(cached, Map.of("X-Rendergate-Client-Ip", "198.51.100.99")).statusCode())
                .isEqualTo(200);

        for (int i = 0; i < BURST; i++) {
            assertThat(sprayed(i).statusCode()).as("miss %d within the burst", i).isEqualTo(200);
        }
        HttpResponse<String> refused = sprayed(BURST);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(refused.headers().firstValue("X-Rendergate-Reason")).hasValue("rate-limited");
        HttpResponse<String> hit = client.render(cached, Map.of("X-Rendergate-Client-Ip", SPRAYER));
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(client.render(origin.origin() + "/basic.html?page=other",
                Map.of("X-Rendergate-Client-Ip", "198.51.100.77")).statusCode()).isEqualTo(200);
        assertThat(farm.prerenderer().metrics().scrape())
                .containsPattern("rendergate_miss_rate_limited_requests_total [1-9]");
    }

    private static HttpResponse<String> sprayed(int i) {
        return client.render(origin.origin() + "/basic.html?q=spray-" + i, Map.of("X-Rendergate-Client-Ip", SPRAYER));
    }

    private static CacheStats stats() {
        return farm.prerenderer().cache().stats();
    }
}
