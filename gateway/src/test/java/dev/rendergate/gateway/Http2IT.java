package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 cleartext: the JDK client's Upgrade path, prior knowledge on a raw socket, crawlers, drain. */
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
    void upgradeH2c_servesSmallAndLargeFilesOverHttp2(@TempDir Path dir) throws Exception {
        Path site = Fixtures.copyOfSite(dir);
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        Files.write(site.resolve("large.bin"), large);
        gateway = Fixtures.start(Fixtures.config(site));

        HttpResponse<byte[]> robots = get("/robots.txt");
        assertThat(robots.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).isEqualTo(Files.readAllBytes(site.resolve("robots.txt")));
        assertThat(robots.headers().firstValue("server")).hasValue("rendergate");
        assertThat(robots.headers().firstValue("connection")).isEmpty();

        // Larger than the in-memory limit: sent from the file in chunks, the stream's flow control respected.
        HttpResponse<byte[]> file = get("/large.bin");
        assertThat(file.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(large);

        HttpResponse<byte[]> range = get("/large.bin", "Range", "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(large, 100, 200));
    }

    @Test
    void upgradeH2c_humanDeepLinkGetsTheShell_crawlerGoesToTheFarm() throws Exception {
        farm = new LoopbackFarm();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withFarm(farm.uri(), "s3cret"));

        HttpResponse<byte[]> human = get("/doctors/17-ada", "User-Agent", CrawlerRoutingIT.FIREFOX);
        assertThat(human.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(new String(human.body())).contains("<html");
        assertThat(farm.seen).isEmpty();

        HttpResponse<byte[]> bot = get("/doctors/17-ada", "User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
        assertThat(bot.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(new String(bot.body())).isEqualTo("<html>rendered</html>");
        assertThat(farm.seen).hasSize(1);
        assertThat(farm.seen.get(0).header("X-Prerender-Token")).isEqualTo("s3cret");
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
