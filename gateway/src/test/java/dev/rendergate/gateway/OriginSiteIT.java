package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rendergate.gateway.log.AccessLog;
import dev.rendergate.gateway.origin.OriginSite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The SPA served from an HTTP origin ({@code --origin}): a second gateway on the fixture folder, or a
 * recording origin, stands in for the S3 bucket.
 */
class OriginSiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Gateway origin;
    private Gateway front;
    private RecordingOrigin recording;

    @AfterEach
    void stop() {
        if (front != null) {
            front.stop();
        }
        if (origin != null) {
            origin.stop();
        }
        if (recording != null) {
            recording.close();
        }
    }

    /** The fixture folder behind a gateway of its own, and the gateway under test in front of it. */
    private void startFolderOrigin() {
        origin = Fixtures.start(Fixtures.config(Fixtures.site()));
        front = Fixtures.start(Fixtures.originConfig(URI.create("http://127.0.0.1:" + origin.port())));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] file(String name) throws Exception {
        return Files.readAllBytes(Fixtures.site().resolve(name));
    }

    @Test
    void humanDeepLink_getsTheShellFromTheOrigin() throws Exception {
        startFolderOrigin();
        HttpResponse<byte[]> r = get("/doctors/17-ada", "User-Agent", CrawlerRoutingIT.FIREFOX);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(file("index.html"));
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().allValues("vary").toString()).contains("User-Agent");
        assertThat(r.headers().firstValue("server")).hasValue("rendergate");
    }

    @Test
    void asset_bytesAndHeaders_passThrough() throws Exception {
        startFolderOrigin();
        HttpResponse<byte[]> js = get("/app.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).isEqualTo(file("app.js"));
        assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.headers().firstValue("etag")).isPresent();
        assertThat(js.headers().firstValue("last-modified")).isPresent();
        assertThat(get("/assets/app.3f9a1c2b.js").headers().firstValue("cache-control"))
                .hasValue("public, max-age=31536000, immutable");
        assertThat(get("/api/doctors.json").body()).isEqualTo(file("api/doctors.json"));
        assertThat(get("/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void originWithoutCacheControl_getsTheFoldersPolicy_andAnOriginsOwnIsKept() throws Exception {
        recording = new RecordingOrigin();
        front = Fixtures.start(Fixtures.originConfig(recording.uri("")));

        assertThat(get("/doctors/17-ada", "User-Agent", CrawlerRoutingIT.FIREFOX).headers().firstValue("cache-control"))
                .as("the shell, revalidated after every deploy").hasValue("no-cache");
        assertThat(get("/assets/app.3f9a1c2b.js").headers().firstValue("cache-control"))
                .as("a hashed asset").hasValue("public, max-age=31536000, immutable");
        assertThat(get("/app.js").headers().firstValue("cache-control")).as("an unhashed asset").hasValue("public, no-cache");

        front.stop();
        recording.close();
        recording = null;
        startFolderOrigin();
        assertThat(get("/app.js").headers().allValues("cache-control"))
                .as("the folder gateway's own header, once").containsExactly("public, no-cache");
    }

    @Test
    void ifNoneMatch_gives304_withoutABody() throws Exception {
        startFolderOrigin();
        String etag = get("/style.css").headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> r = get("/style.css", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("etag")).hasValue(etag);
    }

    @Test
    void range_gives206_withTheOriginsContentRange() throws Exception {
        startFolderOrigin();
        HttpResponse<byte[]> r = get("/app.js", "Range", "bytes=10-19");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(file("app.js"), 10, 20));
        assertThat(r.headers().firstValue("content-range")).hasValue("bytes 10-19/" + file("app.js").length);
    }

    @Test
    void gzip_negotiatedByTheOrigin_passesThrough() throws Exception {
        startFolderOrigin();
        HttpResponse<byte[]> gz = get("/app.js", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gz.headers().allValues("vary").toString()).containsIgnoringCase("Accept-Encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(file("app.js"));
        }
        HttpResponse<byte[]> plain = get("/app.js");
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(file("app.js"));
    }

    @Test
    void originDown_assetsGet502_crawlersAndPeopleGetTheLastGoodShell() throws Exception {
        startFolderOrigin();
        HttpResponse<byte[]> before = get("/doctors/1", "User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).isEqualTo(file("index.html"));

        origin.stop();
        origin = null;

        HttpResponse<byte[]> asset = get("/app.js");
        assertThat(asset.statusCode()).isEqualTo(502);
        assertThat(asset.headers().firstValue("x-rendergate-reason")).hasValueSatisfying(r -> assertThat(r).startsWith("origin-"));
        assertThat(new String(asset.body(), StandardCharsets.UTF_8)).contains("origin could not answer");

        HttpResponse<byte[]> crawler = get("/doctors/2", "User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
        assertThat(crawler.statusCode()).isEqualTo(200);
        assertThat(crawler.body()).isEqualTo(file("index.html"));
        assertThat(crawler.headers().firstValue("cache-control")).hasValue("no-store");

        HttpResponse<byte[]> human = get("/doctors/3", "User-Agent", CrawlerRoutingIT.FIREFOX);
        assertThat(human.statusCode()).isEqualTo(200);
        assertThat(human.body()).isEqualTo(file("index.html"));
        assertThat(human.headers().firstValue("x-rendergate-reason")).hasValueSatisfying(r -> assertThat(r).startsWith("origin-"));
    }

    @Test
    void originNeverReached_crawlerGets503_assetGets502() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        front = Fixtures.start(Fixtures.originConfig(URI.create("http://127.0.0.1:" + closed)));
        HttpResponse<byte[]> crawler = get("/doctors/1", "User-Agent", CrawlerRoutingIT.GOOGLEBOT_DESKTOP);
        assertThat(crawler.statusCode()).isEqualTo(503);
        assertThat(crawler.headers().firstValue("retry-after")).isPresent();
        HttpResponse<byte[]> asset = get("/app.js");
        assertThat(asset.statusCode()).isEqualTo(502);
        assertThat(asset.headers().firstValue("x-rendergate-reason")).hasValue("origin-unreachable");
    }

    @Test
    void originOutage_isLoggedOnce_notPerRequest() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OriginSite.class);
        events.start();
        logger.addAppender(events);
        try {
            front = Fixtures.start(Fixtures.originConfig(URI.create("http://127.0.0.1:" + closed)));
            for (int i = 0; i < 5; i++) {
                assertThat(get("/app.js").statusCode()).isEqualTo(502);
            }
        } finally {
            logger.detachAppender(events);
        }
        List<String> outages = events.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("the site's origin fails")).collect(Collectors.toList());
        assertThat(outages).hasSize(1);
    }

    @Test
    void origin5xx_gives502_andTheOriginsOwnReasonIsDropped() throws Exception {
        recording = new RecordingOrigin();
        front = Fixtures.start(Fixtures.originConfig(recording.uri("")));
        HttpResponse<byte[]> r = get("/broken.js");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("origin could not answer");
        HttpResponse<byte[]> ok = get("/fine.js");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("x-rendergate-reason")).isEmpty();
    }

    @Test
    void onlyFileHeadersGoToTheOrigin_underItsPrefix_withoutTheQuery() throws Exception {
        recording = new RecordingOrigin();
        front = Fixtures.start(Fixtures.originConfig(recording.uri("/site-v2/")));
        HttpResponse<byte[]> r = get("/assets/x%20y.js?token=secret", "Cookie", "session=abc", "Authorization", "Bearer t",
                "X-Rendergate-Bot", "googlebot", "X-Rendergate-Device", "mobile", "If-None-Match", "\"v1\"",
                "Accept-Encoding", "gzip", "Range", "bytes=0-3");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("ORIGIN /site-v2/assets/x%20y.js");
        // The asset's own request: the gateway may fetch the SPA shell (index.html) from the origin at any moment.
        RecordingOrigin.Seen seen = recording.seen.stream().filter(s -> s.rawPath().startsWith("/site-v2/assets/"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(seen.rawPath()).isEqualTo("/site-v2/assets/x%20y.js");
        assertThat(seen.rawQuery()).isNull();
        assertThat(seen.headers()).doesNotContainKeys("cookie", "authorization", "x-rendergate-bot", "x-rendergate-device")
                .containsEntry("if-none-match", "\"v1\"").containsEntry("accept-encoding", "gzip")
                .containsEntry("range", "bytes=0-3");
    }

    @Test
    void largeFileToASlowReader_isNotCutForTakingLong_butAStalledOriginIs() throws Exception {
        recording = new RecordingOrigin();
        front = Fixtures.start(Fixtures.originConfig(recording.uri(""))
                .withTimeouts(GatewayTimeouts.defaults().withFarmResponse(Duration.ofMillis(500))));
        HttpResponse<byte[]> slow = get("/slow.bin");
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).as("1.5 s of body, each gap shorter than the 500 ms timeout").hasSize(10_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> get("/stall.bin")).as("cut once nothing came for 500 ms").isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/secret.txt%00.js", "/%00", "/.env",
        "/.git/config", "/./index.html/../../secret.txt", "/%c0%ae%c0%ae/secret.txt", "//secret.txt",
        "/api/../../secret.txt", "/api/%2e%2e/secret.txt", "/api/x%00"})
    void traversalAttempt_isRefused_andNeverReachesTheOriginAsSuch(String path) throws Exception {
        recording = new RecordingOrigin();
        front = Fixtures.start(Fixtures.originConfig(recording.uri("")));
        RawHttp.Response r = RawHttp.once(front.port(), RawHttp.get(path));
        if (r.status() == 200) {
            assertThat(r.text()).as("a page: the SPA shell, nothing else").isEqualTo(RecordingOrigin.SHELL);
        } else {
            assertThat(r.status()).isIn(400, 404);
        }
        for (RecordingOrigin.Seen seen : recording.seen) {
            String p = seen.rawPath().toLowerCase(java.util.Locale.ROOT);
            assertThat(p).startsWith("/").doesNotContain("..", "%2e", "%2f", "%5c", "%00", "\\", "//", "/.");
        }
    }

    @Test
    void accessLog_namesTheOriginRoute() throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        events.start();
        logger.addAppender(events);
        try {
            recording = new RecordingOrigin();
            front = Fixtures.start(Fixtures.originConfig(recording.uri("")));
            get("/logged.js");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Map<String, Object> fields = Map.of();
            while (fields.isEmpty() && System.nanoTime() < deadline) {
                for (ILoggingEvent event : List.copyOf(events.list)) {
                    Map<String, Object> f = event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                            .collect(Collectors.toMap(p -> p.key, p -> p.value, (a, b) -> b));
                    if ("/logged.js".equals(f.get("path"))) {
                        fields = f;
                    }
                }
                Thread.onSpinWait();
            }
            assertThat(fields).containsEntry("route", "origin").containsEntry("status", 200);
        } finally {
            logger.detachAppender(events);
        }
    }
}
