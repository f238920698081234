package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaticServingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Gateway gateway;
    private static Path site;

    @BeforeAll
    static void start() {
        site = Fixtures.site();
        gateway = Fixtures.start(Fixtures.config(site));
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void get_indexHtml_isServedWithNoCacheAndValidators() throws Exception {
        HttpResponse<byte[]> r = get("/index.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(site.resolve("index.html")));
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("etag")).hasValueSatisfying(e -> assertThat(e).startsWith("\"").endsWith("\""));
        assertThat(r.headers().firstValue("last-modified")).isPresent();
        assertThat(r.headers().firstValue("date")).isPresent();
    }

    @Test
    void get_root_servesIndexHtml() throws Exception {
        HttpResponse<byte[]> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Fixture shell");
    }

    @Test
    void contentTypes_matchExtensions() throws Exception {
        assertThat(get("/app.js").headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/style.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/api/doctors.json").headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(get("/logo.svg").headers().firstValue("content-type")).hasValue("image/svg+xml");
        assertThat(get("/robots.txt").headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(get("/sitemap.xml").headers().firstValue("content-type")).hasValue("application/xml; charset=utf-8");
    }

    @Test
    void hashedAsset_isImmutableForAYear_unhashedRevalidates() throws Exception {
        assertThat(get("/assets/app.3f9a1c2b.js").headers().firstValue("cache-control"))
                .hasValue("public, max-age=31536000, immutable");
        assertThat(get("/app.js").headers().firstValue("cache-control")).hasValue("public, no-cache");
    }

    @Test
    void ifNoneMatch_sameEtag_gives304WithoutBody() throws Exception {
        String etag = get("/app.js").headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> r = get("/app.js", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("etag")).hasValue(etag);
        assertThat(get("/app.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void ifModifiedSince_notModified_gives304_olderDate_gives200() throws Exception {
        String lastModified = get("/style.css").headers().firstValue("last-modified").orElseThrow();
        assertThat(get("/style.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/style.css", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void range_single_gives206WithThoseBytes() throws Exception {
        byte[] all = Files.readAllBytes(site.resolve("app.js"));
        HttpResponse<byte[]> r = get("/app.js", "Range", "bytes=10-19");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("content-range")).hasValue("bytes 10-19/" + all.length);
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(all, 10, 20));
        assertThat(r.headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void range_suffixAndOpenEnded_areHonoured() throws Exception {
        byte[] all = Files.readAllBytes(site.resolve("app.js"));
        assertThat(get("/app.js", "Range", "bytes=-5").body()).isEqualTo(java.util.Arrays.copyOfRange(all, all.length - 5, all.length));
        assertThat(get("/app.js", "Range", "bytes=" + (all.length - 3) + "-").body())
                .isEqualTo(java.util.Arrays.copyOfRange(all, all.length - 3, all.length));
    }

    @Test
    void range_beyondEnd_gives416WithLength() throws Exception {
        long size = Files.size(site.resolve("app.js"));
        HttpResponse<byte[]> r = get("/app.js", "Range", "bytes=" + size + "-");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("content-range")).hasValue("bytes */" + size);
    }

    @Test
    void range_multiple_isIgnoredAndWholeFileSent() throws Exception {
        HttpResponse<byte[]> r = get("/app.js", "Range", "bytes=0-1,5-6");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(site.resolve("app.js")));
    }

    @Test
    void range_withStaleIfRange_sendsWholeFile() throws Exception {
        HttpResponse<byte[]> r = get("/app.js", "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void gzip_whenAccepted_bodyInflatesToTheFile() throws Exception {
        HttpResponse<byte[]> r = get("/app.js", "Accept-Encoding", "gzip, deflate");
        assertThat(r.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
        assertThat(r.body().length).isLessThan((int) Files.size(site.resolve("app.js")));
        assertThat(gunzip(r.body())).isEqualTo(Files.readAllBytes(site.resolve("app.js")));
    }

    @Test
    void gzip_refusedWithQZeroOrNotOffered_sendsIdentity() throws Exception {
        assertThat(get("/app.js", "Accept-Encoding", "gzip;q=0, br;q=0").headers().firstValue("content-encoding")).isEmpty();
        assertThat(get("/app.js").headers().firstValue("content-encoding")).isEmpty();
        assertThat(get("/app.js", "Accept-Encoding", "*").headers().firstValue("content-encoding")).hasValue("gzip");
    }

    @Test
    void gzip_conditionalOnGzipEtag_gives304() throws Exception {
        String etag = get("/app.js", "Accept-Encoding", "gzip").headers().firstValue("etag").orElseThrow();
        assertThat(etag).isNotEqualTo(get("/app.js").headers().firstValue("etag").orElseThrow());
        assertThat(get("/app.js", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void head_hasHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/app.js"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValueAsLong("content-length")).hasValue(Files.size(site.resolve("app.js")));
    }

    @Test
    void directoryWithoutIndex_isNotListed() throws Exception {
        HttpResponse<byte[]> api = get("/api/folder/");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(new String(api.body(), StandardCharsets.UTF_8)).doesNotContain("note.txt");
        // Outside /api/ the edge treats an extensionless path as a page: a person gets the SPA shell.
        HttpResponse<byte[]> page = get("/docs/");
        assertThat(page.body()).isEqualTo(Files.readAllBytes(site.resolve("index.html")));
    }

    @Test
    void missingFile_gives404_postGives405() throws Exception {
        assertThat(get("/nope.js").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/app.js"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void keepAlive_twoRequestsOnOneConnection() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            raw.send(RawHttp.get("/robots.txt"));
            assertThat(raw.read(false).text()).contains("User-agent");
            raw.send(RawHttp.get("/robots.txt"));
            assertThat(raw.read(false).status()).isEqualTo(200);
        }
    }

    @Test
    void pipelined_requests_areAnsweredInOrder() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            raw.send(RawHttp.get("/robots.txt") + RawHttp.get("/nope.js") + RawHttp.get("/logo.svg"));
            assertThat(raw.read(false).status()).isEqualTo(200);
            assertThat(raw.read(false).status()).isEqualTo(404);
            assertThat(raw.read(false).header("content-type")).isEqualTo("image/svg+xml");
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
