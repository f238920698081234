package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.gateway.proxy.LocalSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A farm in the same process hands its fresh hits to the gateway, which answers them without an HTTP
 * exchange; everything else still goes to the farm over HTTP (here a real loopback server that records
 * what reaches it).
 */
class LocalFarmHitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String CACHED_PAGE = "<html><title>cached</title>snapshot</html>";

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private LoopbackFarm farm;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        farm = new LoopbackFarm();
        LocalSnapshots local = (publicUrl, device) -> {
            asked.add(device + " " + publicUrl);
            if (!publicUrl.contains("/cached")) {
                return Optional.empty();
            }
            return Optional.of(new LocalSnapshots.Answer(200, Map.of("Content-Type", "text/html; charset=utf-8",
                    "X-Rendergate-Cache", "HIT", "X-Rendergate-Engine", "htmlunit"),
                    CACHED_PAGE.getBytes(StandardCharsets.UTF_8)));
        };
        gateway = Gateway.create(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), "s3cret"), local).start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
        farm.close();
    }

    private HttpResponse<String> send(String method, String path, String userAgent) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void freshHit_isAnsweredInProcess_withTheFarmsHeadersAndTheGatewaysOwn() throws Exception {
        HttpResponse<String> r = send("GET", "/doctors/cached?tab=1", CrawlerRoutingIT.GOOGLEBOT_SMARTPHONE);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CACHED_PAGE);
        assertThat(r.headers().firstValue("x-rendergate-cache")).hasValue("HIT");
        assertThat(r.headers().firstValue("x-rendergate-engine")).hasValue("htmlunit");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("vary")).hasValue("User-Agent");
        assertThat(r.headers().firstValue("cache-control")).hasValue("private, no-cache");
        assertThat(asked).containsExactly("mobile http://127.0.0.1:" + gateway.port() + "/doctors/cached?tab=1");
        assertThat(farm.seen).as("no HTTP request reached the farm").isEmpty();
    }

    @Test
    void miss_goesToTheFarmOverHttp() throws Exception {
        HttpResponse<String> r = send("GET", "/doctors/17-ada-fixture", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<html>rendered</html>");
        assertThat(asked).containsExactly("desktop http://127.0.0.1:" + gateway.port() + "/doctors/17-ada-fixture");
        assertThat(farm.seen).hasSize(1);
        assertThat(farm.seen.get(0).header("X-Prerender-Token")).isEqualTo("s3cret");
    }

    @Test
    void head_onAHit_hasTheLengthButNoBody() throws Exception {
        HttpResponse<String> r = send("HEAD", "/doctors/cached", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-length"))
                .hasValue(Integer.toString(CACHED_PAGE.getBytes(StandardCharsets.UTF_8).length));
        assertThat(farm.seen).isEmpty();
    }

    @Test
    void person_neverReachesTheFarmsCache() throws Exception {
        Path site = Fixtures.site();
        HttpResponse<String> r = send("GET", "/doctors/cached", CrawlerRoutingIT.FIREFOX);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readString(site.resolve("index.html")));
        assertThat(asked).isEmpty();
        assertThat(farm.seen).isEmpty();
    }
}
