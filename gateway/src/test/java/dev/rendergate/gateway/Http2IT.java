package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 cleartext by prior knowledge on a raw socket (files, crawlers, drain); the Upgrade path refused. */
class Http2IT {

    private final HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private LoopbackFarm farm;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (farm != null) {
            farm.close();
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return h2.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void priorKnowledge_servesSmallAndLargeFilesOverHttp2(@TempDir Path dir) throws Exception {
        Path site = Fixtures.copyOfSite(dir);
        String large = "0123456789abcdef".repeat(3 * 1024 * 1024 / 16) + "tail-17-bytes-end";
        Files.writeString(site.resolve("large.txt"), large);
        gateway = Fixtures.start(Fixtures.config(site));
        try (RawH2 raw = new RawH2(gateway.port(), 10_000)) {
            raw.get(1, "/robots.txt");
            RawH2.Response robots = raw.response(1);
            assertThat(robots.status()).isEqualTo(200);
            assertThat(robots.body()).isEqualTo(Files.readString(site.resolve("robots.txt")));
            assertThat(robots.headers().get("server").toString()).isEqualTo("rendergate");
            assertThat(robots.headers().get("connection")).isNull();

            // Larger than the in-memory limit: sent from the file in chunks, the stream's flow control respected.
            raw.get(3, "/large.txt");
            RawH2.Response file = raw.response(3);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(large);

            raw.get(5, "/large.txt", "range", "bytes=100-199");
            RawH2.Response range = raw.response(5);
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(large.substring(100, 200));
        }
    }

    @Test
    void priorKnowledge_humanDeepLinkGetsTheShell_crawlerGoesToTheFarm() throws Exception {
        farm = new LoopbackFarm();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), "s3cret"));
        try (RawH2 raw = new RawH2(gateway.port(), 10_000)) {
            raw.get(1, "/doctors/17-ada", "user-agent", CrawlerRoutingIT.FIREFOX);
            assertThat(raw.response(1).body()).contains("<html");
            assertThat(farm.seen).isEmpty();

            raw.get(3, "/doctors/17-ada", "user-agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
            RawH2.Response bot = raw.response(3);
            assertThat(bot.status()).isEqualTo(200);
            assertThat(bot.body()).isEqualTo("<html>rendered</html>");
            assertThat(farm.seen).hasSize(1);
            assertThat(farm.seen.get(0).header("X-Prerender-Token")).isEqualTo("s3cret");
        }
    }

    /** Issue 16, finding 7: the HTTP/1.1 Upgrade path to h2c is off; the request is answered over HTTP/1.1. */
    @Test
    void upgradeH2c_isNotHonoured_theRequestIsAnsweredOverHttp11() throws Exception {
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        HttpResponse<byte[]> viaClient = get("/robots.txt");
        assertThat(viaClient.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(viaClient.statusCode()).isEqualTo(200);

        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            raw.send("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
            RawHttp.Response r = raw.read(false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("upgrade")).isNull();
            assertThat(r.text()).isEqualTo(Files.readString(Fixtures.site().resolve("robots.txt")));
            // Still HTTP/1.1 on the same connection.
            raw.send(RawHttp.get("/robots.txt"));
            assertThat(raw.read(false).status()).isEqualTo(200);
        }
    }

    @Test
    void priorKnowledge_servesConcurrentStreamsOnOneConnection() throws Exception {
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        try (RawH2 raw = new RawH2(gateway.port(), 10_000)) {
            raw.get(1, "/robots.txt");
            raw.get(3, "/no-such-file.js");
            RawH2.Response robots = raw.response(1);
            assertThat(robots.status()).isEqualTo(200);
            assertThat(robots.body()).isEqualTo(Files.readString(Fixtures.site().resolve("robots.txt")));
            assertThat(robots.headers().get("content-type").toString()).startsWith("text/plain");
            assertThat(raw.response(3).status()).isEqualTo(404);
        }
    }

    @Test
    void http11_keepAliveStillWorks_besideH2c() throws Exception {
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            for (int i = 0; i < 3; i++) {
                raw.send(RawHttp.get("/robots.txt"));
                assertThat(raw.read(false).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void stop_sendsGoAway_andLetsTheOpenStreamFinish() throws Exception {
        farm = new LoopbackFarm();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), "s3cret"));
        try (RawH2 raw = new RawH2(gateway.port(), 10_000)) {
            raw.get(1, "/doctors/wait-for-release", "user-agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (farm.seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(farm.seen).as("render in flight").hasSize(1);

            Gateway stopping = gateway;
            gateway = null;
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping::stop);
            raw.awaitGoAway();
            assertThat(stopped).isNotDone();

            farm.release.countDown();
            RawH2.Response r = raw.response(1);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("<html>rendered</html>");
            stopped.get(15, TimeUnit.SECONDS);
            assertThat(raw.closedByServer()).isTrue();
        }
    }
}
