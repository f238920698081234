package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.CanaryServer;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token, bad URLs and SSRF: a loopback canary that is on the allow-list but not an exception must never be hit. */
class GuardApiIT {
    private static final String TOKEN = "s3cret-token";
    private static OriginServer origin;
    private static CanaryServer canary;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() throws Exception {
        origin = OriginServer.start();
        canary = CanaryServer.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                // The canary's origin is allowed, so only the address check can stop it.
                .withAllowedOrigin("http://127.0.0.1:" + canary.port())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(1)
                .withToken(TOKEN)).start();
        client = new FarmClient(farm.port());
    }

    @AfterAll
    static void stop() {
        farm.stop();
        canary.close();
        origin.close();
    }

    private static HttpResponse<String> render(String url) {
        return client.render(url, Map.of("X-Prerender-Token", TOKEN));
    }

    @Test
    void token_missingOrWrong_is401_right_is200() {
        String url = origin.origin() + "/basic.html";
        HttpResponse<String> missing = client.render(url);
        HttpResponse<String> wrong = client.render(url, Map.of("X-Prerender-Token", "s3cret-tokem"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("X-Rendergate-Reason")).hasValue("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(render(url).statusCode()).isEqualTo(200);
    }

    @Test
    void token_onACacheHit_isCheckedToo() {
        // Hits are answered before a worker thread sees the request: the token check comes first there too.
        String url = origin.origin() + "/basic.html?id=token-on-hit";
        assertThat(render(url).headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
        assertThat(render(url).headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(client.render(url).statusCode()).isEqualTo(401);
        assertThat(client.render(url, Map.of("X-Prerender-Token", "s3cret-tokem")).statusCode()).isEqualTo(401);
    }

    @Test
    void badUrls_400_403_414_withReasons() {
        assertReject(render("ftp://127.0.0.1/file"), 400, "unsupported-scheme");
        assertReject(render("/relative/path"), 400, "relative-url");
        assertReject(render("http://exa mple.com/"), 400, "malformed-url");
        assertReject(render("https://example.com/"), 403, "origin-not-allowed");
        assertReject(render(origin.origin() + "/" + "a".repeat(9000)), 414, "url-too-long");
        assertReject(client.get("/render", Map.of("X-Prerender-Token", TOKEN)), 400, "missing-url");
    }

    @Test
    void renderOfAllowedOriginOnPrivateAddress_is403() {
        assertReject(render("http://127.0.0.1:" + canary.port() + "/"), 403, "private-address:loopback");
        // Checked before every render, not before the cache: a second request finds nothing cached and is refused.
        assertReject(render("http://127.0.0.1:" + canary.port() + "/"), 403, "private-address:loopback");
        assertThat(canary.hits()).isZero();
    }

    @Test
    void subrequestsToPrivateAddresses_areBlocked_canaryNeverHit() {
        String allowedButPrivate = "http://127.0.0.1:" + canary.port();
        String otherName = "http://localhost:" + canary.port();
        String metadata = "http://169.254.169.254";
        String url = origin.origin() + "/ssrf.html?q=" + enc(allowedButPrivate) + "&q=" + enc(otherName)
                + "&q=" + enc(metadata);

        HttpResponse<String> r = render(url);

        assertThat(r.statusCode()).isEqualTo(200);
        // Refused with an empty 403 (no CORS headers), so each cross-origin XHR fails as a network error.
        assertThat(Jsoup.parse(r.body()).select("#results").text()).isEqualTo("xhr error, xhr error, xhr error");
        assertThat(canary.hits()).isZero();
        assertThat(farm.prerenderer().metrics().count("rendergate_subrequests_refused", "decision", "block-address")).isPositive();
        assertThat(farm.prerenderer().metrics().count("rendergate_subrequests_refused", "decision", "block-origin")).isPositive();
    }

    private static void assertReject(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue(reason);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
