package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real farm node in its own JVM behind a real gateway, failing as nodes do: killed outright (SIGKILL) in the
 * middle of a render, or accepting connections and never answering. The crawler gets the configured fallback with a
 * fixed reason within the gateway's farm timeout, the gateway's metrics count it, and once a node answers on that
 * address again the next crawler gets the rendered page: the gateway heals without a restart.
 */
class FarmFaultsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration FARM_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration MARGIN = Duration.ofSeconds(2);
    /**
     * The shell: rendered, it says so at once, or after three seconds under {@code /slow/} (the words are joined by the
     * script, so only a rendered page contains them).
     */
    private static final String SHELL = """
            <!DOCTYPE html>
            <html><head><title>Faults</title></head>
            <body><div id="app">Loading…</div>
            <script>
              window.prerenderReady = false;
              setTimeout(function () {
                document.getElementById('app').innerHTML = '<p id="done">Rendered ' + 'in full</p>';
                window.prerenderReady = true;
              }, location.pathname.indexOf('/slow/') === 0 ? 3000 : 0);
            </script>
            </body></html>
            """;

    @TempDir
    Path site;
    private int farmPort;
    private Gateway gateway;

    @BeforeEach
    void gateway() throws IOException {
        Files.writeString(site.resolve("index.html"), SHELL);
        int gatewayPort = freePort();
        do {
            farmPort = freePort(); // the kernel may hand the port it just released out again
        } while (farmPort == gatewayPort);
        gateway = Gateway.create(Fixtures.config(site).withPort(gatewayPort)
                .withFarm(URI.create("http://127.0.0.1:" + farmPort), null)
                .withTimeouts(GatewayTimeouts.defaults().withFarmConnect(Duration.ofSeconds(1))
                        .withFarmResponse(FARM_TIMEOUT))
                .withMetrics(MetricsListener.loopback(0))).start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void farmKilledMidRender_crawlerGetsTheShellInTime_andTheNextNodeOnThatAddressServesWithoutARestart()
            throws Exception {
        try (FarmNodeProcess node = FarmNodeProcess.start(farmPort, origin())) {
            assertThat(crawl("/doctors/1").body()).as("the node renders").contains("Rendered in full");

            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> answer = crawlAsync("/slow/2");
            awaitBusy();
            node.kill();
            HttpResponse<String> r = answer.get(FARM_TIMEOUT.plus(MARGIN).toSeconds() + 5, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Loading…").doesNotContain("Rendered in full");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValueSatisfying(
                    reason -> assertThat(reason).isIn("farm-error", "farm-unreachable"));
            assertThat(took).isLessThan(FARM_TIMEOUT.plus(MARGIN));
            HttpResponse<String> down = crawl("/doctors/3");
            assertThat(down.headers().firstValue("x-rendergate-reason")).hasValue("farm-unreachable");
            MetricsScrape s = MetricsScrape.awaitUntil(gateway,
                    m -> m.value("rendergate_gateway_fallbacks_total", "reason", "farm-unreachable") >= 1);
            assertThat(s.value("rendergate_gateway_upstream_errors_total", "upstream", "farm", "reason", "farm-unreachable"))
                    .isGreaterThanOrEqualTo(1);
        }
        try (FarmNodeProcess replacement = FarmNodeProcess.start(farmPort, origin())) {
            HttpResponse<String> healed = crawl("/slow/2");
            assertThat(healed.statusCode()).isEqualTo(200);
            assertThat(healed.body()).contains("Rendered in full");
            assertThat(healed.headers().firstValue("x-rendergate-reason")).isEmpty();
            assertThat(healed.headers().firstValue("x-rendergate-cache")).hasValue("MISS");
        }
    }

    @Test
    void farmAcceptsAndNeverAnswers_crawlerGetsTheShellAtTheTimeout_andARealNodeThereIsUsedAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(farmPort, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> acceptForever(silent), "silent-farm");
            acceptor.setDaemon(true);
            acceptor.start();

            long started = System.nanoTime();
            HttpResponse<String> r = crawl("/doctors/4");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Loading…");
            assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("farm-timeout");
            assertThat(took).isGreaterThanOrEqualTo(FARM_TIMEOUT.minusMillis(200)).isLessThan(FARM_TIMEOUT.plus(MARGIN));
            assertThat(MetricsScrape.of(gateway).value("rendergate_gateway_fallbacks_total", "reason", "farm-timeout"))
                    .isEqualTo(1);
        }
        try (FarmNodeProcess node = FarmNodeProcess.start(farmPort, origin())) {
            HttpResponse<String> healed = crawl("/doctors/4");
            assertThat(healed.statusCode()).isEqualTo(200);
            assertThat(healed.body()).contains("Rendered in full");
            assertThat(healed.headers().firstValue("x-rendergate-reason")).isEmpty();
        }
    }

    private String origin() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** Waits until the node's only engine is rendering (its own gauge), bounded. */
    private void awaitBusy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + farmPort + "/metrics"))
                .timeout(Duration.ofSeconds(2)).build();
        while (!HTTP.send(metrics, HttpResponse.BodyHandlers.ofString()).body().contains("rendergate_engines_busy 1.0")) {
            assertThat(System.nanoTime()).as("the node started the render").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void acceptForever(ServerSocket socket) {
        java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
            while (true) {
                held.add(socket.accept());
            }
        } catch (IOException closed) {
            for (java.net.Socket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing what the fault held open
                }
            }
        }
    }

    private HttpResponse<String> crawl(String path) throws Exception {
        return crawlAsync(path).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> crawlAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                        .header("User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
