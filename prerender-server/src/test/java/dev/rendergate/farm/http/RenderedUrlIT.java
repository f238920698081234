package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine renders exactly the URL the cache key stands for: tracking parameters and the fragment, which the key
 * drops, never reach the page, so a crafted query cannot end up in the snapshot every crawler gets for the clean URL.
 */
class RenderedUrlIT {
    private static OriginServer site;

    @BeforeAll
    static void start() throws Exception {
        site = OriginServer.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"htmlunit", "chromium"})
    void trackingParametersAndFragment_neverReachThePage_norTheCleanUrlsSnapshot(String engine) {
        assumeTrue(!engine.equals("chromium") || ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        Farm farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(site.origin())
                .withPrivateAddressException("127.0.0.1:" + site.port())
                .withEngine(EngineMode.fromLabel(engine))
                .withPoolSize(1)).start();
        try {
            FarmClient client = new FarmClient(farm.port());
            Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "engines started");

            Document crafted = rendered(client, site.origin() + "/reflect.html?utm_source=EVIL&q=2&page=1&gclid=EVIL#EVIL");
            Document clean = rendered(client, site.origin() + "/reflect.html?page=1&q=2");

            assertThat(crafted.getElementById("search").text()).isEqualTo("search=?page=1&q=2");
            assertThat(crafted.getElementById("hash").text()).isEqualTo("hash=");
            assertThat(clean.body().text()).doesNotContain("EVIL");
            assertThat(clean.getElementById("search").text()).isEqualTo("search=?page=1&q=2");
        } finally {
            farm.stop();
        }
    }

    private static Document rendered(FarmClient client, String url) {
        HttpResponse<String> response = client.render(url);
        assertThat(response.statusCode()).as("render of %s: %s", url, response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
