package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.CanaryServer;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import dev.rendergate.farm.render.auto.RouteState;
import dev.rendergate.farm.render.auto.RouteTemplate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code auto} mode with a real Chromium: Chromium answers while HtmlUnit is compared in the background, learned per site. */
class ChromiumEngineIT {
    private static OriginServer origin;
    /** A second site: what auto learns about one site never covers the other. */
    private static OriginServer es5Site;
    private static CanaryServer canary;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        origin = OriginServer.start();
        es5Site = OriginServer.start();
        canary = CanaryServer.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withAllowedOrigin(es5Site.origin())
                .withPrivateAddressException("127.0.0.1:" + es5Site.port())
                .withAllowedOrigin("http://127.0.0.1:" + canary.port())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.AUTO)
                .withPoolSize(2)
                .withCacheMaxBytes(0)).start();
        client = new FarmClient(farm.port());
        Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "Chromium launched");
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.stop();
            canary.close();
            origin.close();
            es5Site.close();
        }
    }

    @Test
    void auto_firstRenderOfARoute_isChromiums_whileHtmlUnitIsComparedInTheBackground() {
        HttpResponse<String> r = client.render(es5Site.origin() + "/unicode.html?id=auto");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("chromium");
        Await.until(() -> farm.prerenderer().metrics().count("rendergate_engine_checks", "outcome", "agreed") >= 1,
                Duration.ofSeconds(20), "HtmlUnit's render compared with Chromium's");
    }

    @Test
    void auto_modulePage_chromiumAnswers_andTheSiteIsKnownToNeedIt() {
        HttpResponse<String> first = client.render(origin.origin() + "/module.html?page=1");
        RouteTemplate other = RouteTemplate.of(URI.create(origin.origin() + "/another/page"));
        Await.until(() -> farm.routes().state(other).verdict() == RouteState.Verdict.CHROMIUM,
                Duration.ofSeconds(20), "the site learned");
        HttpResponse<String> second = client.render(origin.origin() + "/module.html?page=2");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Rendergate-Engine")).hasValue("chromium");
        assertThat(Jsoup.parse(first.body()).select("#app h1").text()).isEqualTo("Rendered by a module");
        assertThat(Jsoup.parse(first.body()).select("script")).isEmpty();
        assertThat(second.headers().firstValue("X-Rendergate-Engine")).hasValue("chromium");
        assertThat(farm.routes().state(other).reason()).isEqualTo("htmlunit-unsupported-js");
    }

    @Test
    void chromium_subrequestsToPrivateAddresses_blocked_canaryNeverHit() {
        // The same page once more as a module build forces Chromium, which must apply the same guard.
        String target = "http://127.0.0.1:" + canary.port();
        HttpResponse<String> r = client.render(origin.origin() + "/ssrf-module.html?q="
                + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&q="
                + URLEncoder.encode("http://localhost:" + canary.port(), StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("chromium");
        assertThat(Jsoup.parse(r.body()).select("#results").text()).contains("probes 2");
        assertThat(canary.hits()).isZero();
    }
}
