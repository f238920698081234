package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The farm's metrics on a loopback listener of their own, for a sidecar that shares the host's network. */
class MetricsListenerIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void listener_servesMetricsWithoutToken_andNothingElse() throws Exception {
        Farm farm = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)
                .withToken("metrics-listener-test-token-0123456789")).start();
        try (MetricsListener listener = MetricsListener.start("127.0.0.1", 0, farm.prerenderer().metrics()::scrape)) {
            HttpResponse<String> metrics = get(listener.port(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("rendergate_queue_depth");
            assertThat(get(listener.port(), "/render?url=http://127.0.0.1/").statusCode()).isEqualTo(404);
            assertThat(get(listener.port(), "/cache").statusCode()).isEqualTo(404);
            assertThat(get(farm.port(), "/metrics").statusCode()).as("the API port still wants the token").isEqualTo(401);
        } finally {
            farm.stop();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
