package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metrics listener itself: only {@code GET /metrics}, a port of its own, a clear error when that port is taken. */
class MetricsListenerIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> send(Gateway gateway, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyGetAndHeadOfMetrics_areAnswered() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withMetrics(MetricsListener.loopback(0)));
        try {
            assertThat(send(gateway, "GET", "/metrics?name[]=x").body()).contains("# HELP");
            HttpResponse<String> head = send(gateway, "HEAD", "/metrics");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(send(gateway, "GET", "/").statusCode()).isEqualTo(404);
            assertThat(send(gateway, "GET", "/index.html").statusCode()).isEqualTo(404);
            assertThat(send(gateway, "POST", "/metrics").statusCode()).isEqualTo(405);
        } finally {
            gateway.stop();
        }
    }

    @Test
    void noListenerConfigured_noMetricsPort_butCountingGoesOn() throws Exception {
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        try {
            assertThat(gateway.metricsPort()).isEqualTo(-1);
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/robots.txt")).build(),
                    HttpResponse.BodyHandlers.discarding());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (gateway.metrics().requests("route", "static") == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(gateway.metrics().requests("route", "static")).isEqualTo(1);
        } finally {
            gateway.stop();
        }
    }

    @Test
    void metricsPortInUse_namesThePortAndItsOption_andFreesThePublicPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Gateway gateway = Gateway.create(Fixtures.config(Fixtures.site())
                    .withMetrics(MetricsListener.loopback(taken.getLocalPort())));
            assertThatThrownBy(gateway::start).isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use")
                    .hasMessageContaining("--metrics-port").hasMessageContaining("RENDERGATE_METRICS_PORT");
            try (ServerSocket publicPortAgain = new ServerSocket(gateway.port(), 1, InetAddress.getLoopbackAddress())) {
                assertThat(publicPortAgain.getLocalPort()).isEqualTo(gateway.port());
            }
        }
    }

    @Test
    void badMetricsPort_isRefusedWithTheValue() {
        assertThatThrownBy(() -> Fixtures.config(Fixtures.site()).withMetrics(MetricsListener.loopback(70_000)).validate())
                .hasMessageContaining("70000").hasMessageContaining("metrics port");
    }
}
