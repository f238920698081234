package dev.rendergate.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 3: a farm refuses to start where other machines can reach it without a long token, and its
 * {@code /metrics} is behind the token; on loopback it still starts without one (local development).
 */
class FarmExposureIT {
    private static final String LONG_TOKEN = "farm-exposure-test-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static FarmConfig light() {
        return FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1);
    }

    @Test
    void create_onEveryInterfaceWithoutToken_isRefusedNamingTheFix() {
        assertThatThrownBy(() -> createAndStop(light().withBindHost("0.0.0.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("without a token")
                .hasMessageContaining("RENDERGATE_TOKEN")
                .hasMessageContaining("--token-file")
                .hasMessageContaining("--bind 127.0.0.1");
    }

    @Test
    void create_onEveryInterfaceWithShortToken_isRefusedNamingTheMinimum() {
        assertThatThrownBy(() -> createAndStop(light().withBindHost("0.0.0.0").withToken("short-token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 characters")
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> createAndStop(light().withBindHost("::").withToken("x".repeat(31))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
    }

    @Test
    void loopbackWithoutToken_stillStarts_andServesHealth() throws Exception {
        Farm farm = Farm.create(light()).start();
        try {
            assertThat(get(farm, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(farm, "/metrics", null).statusCode()).as("no token configured: local development").isEqualTo(200);
        } finally {
            farm.stop();
        }
    }

    @Test
    void metrics_needTheToken_asHeaderOrBearer() throws Exception {
        Farm farm = Farm.create(light().withToken(LONG_TOKEN)).start();
        try {
            HttpResponse<String> anonymous = get(farm, "/metrics", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("X-Rendergate-Reason")).hasValue("unauthorized");
            assertThat(anonymous.body()).doesNotContain("rendergate_");
            assertThat(get(farm, "/metrics", "Bearer wrong-token").statusCode()).isEqualTo(401);

            HttpResponse<String> header = HTTP.send(HttpRequest.newBuilder(uri(farm, "/metrics"))
                    .header("X-Prerender-Token", LONG_TOKEN).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(header.statusCode()).isEqualTo(200);
            assertThat(header.body()).contains("rendergate_queue_depth");
            HttpResponse<String> bearer = get(farm, "/metrics", "Bearer " + LONG_TOKEN);
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(bearer.body()).contains("rendergate_queue_depth");
            assertThat(get(farm, "/health", null).statusCode()).as("health checks stay open").isEqualTo(200);
        } finally {
            farm.stop();
        }
    }

    private static void createAndStop(FarmConfig config) {
        Farm.create(config).stop();
    }

    private static URI uri(Farm farm, String path) {
        return URI.create("http://127.0.0.1:" + farm.port() + path);
    }

    private static HttpResponse<String> get(Farm farm, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(farm, path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
