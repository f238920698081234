package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.QueryAllowList;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every render starts from a state no earlier render could touch. A page sets cookies, both storages, IndexedDB,
 * Cache Storage, a service worker, {@code window.name} and history, in its own origin and in a frame of a second
 * allowed origin; a later render of another page on the one engine slot must see exactly what it sees on a fresh
 * farm.
 */
class RenderIsolationIT {
    private static OriginServer site;
    private static OriginServer frameSite;

    @BeforeAll
    static void start() throws Exception {
        site = OriginServer.start();
        frameSite = OriginServer.start();
    }

    @AfterAll
    static void stop() {
        site.close();
        frameSite.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"htmlunit", "chromium"})
    void stateWrittenByOneRender_isNotSeenByTheNext(String engine) {
        assumeTrue(!engine.equals("chromium") || ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        Farm farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(site.origin())
                .withAllowedOrigin(frameSite.origin())
                .withPrivateAddressException("127.0.0.1:" + site.port())
                .withPrivateAddressException("127.0.0.1:" + frameSite.port())
                .withEngine(EngineMode.fromLabel(engine))
                .withPoolSize(1)
                .withCacheMaxBytes(0)
                .withQueryParams(QueryAllowList.parse(List.of("127.0.0.1=+frame")))
                .withRenderTimeout(Duration.ofSeconds(15))).start();
        try {
            FarmClient client = new FarmClient(farm.port());
            Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "engines started");
            String frame = "?frame=" + URLEncoder.encode(frameSite.origin(), StandardCharsets.UTF_8);

            Document fresh = rendered(client, site.origin() + "/state/read.html" + frame);
            Document writer = rendered(client, site.origin() + "/state/write.html" + frame);
            Document after = rendered(client, site.origin() + "/state/read.html" + frame);

            assertThat(writer.getElementById("app").text()).as("the writer ran, frame included")
                    .contains("frame written");
            assertThat(fresh.getElementById("frame").text()).as("the reader's frame answered").startsWith("cookie=");
            assertThat(after.getElementById("top").text()).as("top document after a render that wrote state")
                    .doesNotContain("W-").isEqualTo(fresh.getElementById("top").text());
            assertThat(after.getElementById("frame").text()).as("second-origin frame after a render that wrote state")
                    .doesNotContain("W-").isEqualTo(fresh.getElementById("frame").text());
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
