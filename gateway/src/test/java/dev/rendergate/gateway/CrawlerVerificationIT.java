package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.verify.VerificationMode;
import dev.rendergate.gateway.crawler.HostResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crawler verification in the gateway: the socket's address (127.0.0.1 here, outside every published range)
 * decides, with forward-confirmed reverse DNS answered by a resolver the test controls.
 */
class CrawlerVerificationIT {

    private static final String APPLEBOT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, List<String>> ptr = new ConcurrentHashMap<>();
    private final Map<String, List<String>> forward = new ConcurrentHashMap<>();
    private final HostResolver resolver = new HostResolver() {
        @Override
        public List<String> namesOf(String address) {
            return ptr.getOrDefault(address, List.of());
        }

        @Override
        public List<String> addressesOf(String host) {
            return forward.getOrDefault(host, List.of());
        }
    };

    private LoopbackFarm farm;
    private Gateway gateway;
    private Path site;

    @BeforeEach
    void startFarm() throws Exception {
        farm = new LoopbackFarm();
        site = Fixtures.site();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        farm.close();
    }

    private void start(VerificationMode mode) {
        GatewayConfig config = Fixtures.config(site).withFarm(farm.uri(), "s3cret");
        gateway = Gateway.create(config.withEdgeConfig(config.edgeConfig().withCrawlerVerification(mode)), resolver)
                .start();
    }

    private HttpResponse<String> get(String userAgent, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/doctors/17"))
                .timeout(Duration.ofSeconds(10)).header("User-Agent", userAgent);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double unverified(String crawler, String mode) {
        return gateway.metrics().count("rendergate.gateway.crawler.unverified", "crawler", crawler, "mode", mode);
    }

    @Test
    void enforce_googlebotFromOutsideGoogle_getsTheSpaShellAndIsCounted() throws Exception {
        start(VerificationMode.ENFORCE);

        HttpResponse<String> r = get(CrawlerRoutingIT.GOOGLEBOT_DESKTOP,
                "X-Forwarded-For", "66.249.66.1", "Forwarded", "for=66.249.66.1");

        assertThat(r.body()).isEqualTo(Files.readString(site.resolve("index.html")));
        assertThat(farm.seen).isEmpty();
        assertThat(unverified("googlebot", "enforce")).isEqualTo(1.0);
        assertThat(gateway.metrics().scrape()).contains("rendergate_gateway_crawler_unverified_requests_total");
    }

    @Test
    void log_googlebotFromOutsideGoogle_isRenderedAndCounted() throws Exception {
        start(VerificationMode.LOG);

        assertThat(get(CrawlerRoutingIT.GOOGLEBOT_DESKTOP).body()).isEqualTo("<html>rendered</html>");
        assertThat(unverified("googlebot", "log")).isEqualTo(1.0);
    }

    @Test
    void off_googlebotFromOutsideGoogle_isRenderedUncounted() throws Exception {
        start(VerificationMode.OFF);

        assertThat(get(CrawlerRoutingIT.GOOGLEBOT_DESKTOP).body()).isEqualTo("<html>rendered</html>");
        assertThat(unverified("googlebot", "off")).isZero();
    }

    @Test
    void enforce_applebotConfirmedByReverseAndForwardDns_isRendered() throws Exception {
        ptr.put("127.0.0.1", List.of("17-58-101-179.applebot.apple.com."));
        forward.put("17-58-101-179.applebot.apple.com", List.of("127.0.0.1"));
        start(VerificationMode.ENFORCE);

        assertThat(get(APPLEBOT).body()).isEqualTo("<html>rendered</html>");
        assertThat(farm.seen.get(0).header("X-Rendergate-Bot")).isEqualTo("applebot");
    }

    @Test
    void enforce_applebotWhosePtrDoesNotResolveBack_getsTheSpaShell() throws Exception {
        ptr.put("127.0.0.1", List.of("17-58-101-179.applebot.apple.com."));
        forward.put("17-58-101-179.applebot.apple.com", List.of("17.58.101.179"));
        start(VerificationMode.ENFORCE);

        assertThat(get(APPLEBOT).body()).isEqualTo(Files.readString(site.resolve("index.html")));
        assertThat(farm.seen).isEmpty();
        assertThat(unverified("applebot", "enforce")).isEqualTo(1.0);
    }
}
