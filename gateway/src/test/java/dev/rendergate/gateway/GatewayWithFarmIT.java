package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole self-hosted path: the sample SPA behind the gateway, a real in-process farm (HtmlUnit) behind that. */
class GatewayWithFarmIT {

    private static final Path SAMPLE_SITE = Path.of("..", "static-site", "site");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Farm farm;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws IOException {
        int gatewayPort = freePort();
        String origin = "http://127.0.0.1:" + gatewayPort;
        farm = Farm.create(FarmConfig.defaults()
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(1)
                .withToken("t0k3n")
                .withAllowedOrigin(origin)
                .withPrivateAddressException("127.0.0.1:" + gatewayPort)).start();
        gateway = Gateway.create(Fixtures.config(SAMPLE_SITE).withPort(gatewayPort)
                .withFarm(URI.create("http://127.0.0.1:" + farm.port()), "t0k3n")
                .withTimeouts(GatewayTimeouts.defaults().withFarmResponse(Duration.ofSeconds(30)))).start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (farm != null) {
            farm.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String path, String userAgent) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void googlebot_getsTheRenderedDoctorPage() throws Exception {
        HttpResponse<String> r = get("/doctors/17-emma-schwarz", CrawlerRoutingIT.GOOGLEBOT_SMARTPHONE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("Emma Schwarz").contains("application/ld+json");
        assertThat(r.body()).doesNotContain("<script src=");
        assertThat(r.headers().firstValue("vary")).hasValue("User-Agent");
    }

    @Test
    void person_getsTheSpaShellUntouched() throws Exception {
        HttpResponse<String> r = get("/doctors/17-emma-schwarz", CrawlerRoutingIT.FIREFOX);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readString(SAMPLE_SITE.resolve("index.html")));
    }

    @Test
    void crawler_fetchingAnAsset_getsItsBytes() throws Exception {
        HttpResponse<String> r = get("/app.js", CrawlerRoutingIT.GOOGLEBOT_SMARTPHONE);
        assertThat(r.body()).isEqualTo(Files.readString(SAMPLE_SITE.resolve("app.js")));
    }
}
