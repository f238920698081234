package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files above the in-memory size go out zero-copy; build-time .br/.gz siblings are preferred. */
class LargeAndPrecompressedFilesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path site;
    private Gateway gateway;
    private byte[] big;
    private byte[] bundleBr;
    private byte[] bundleGz;

    @BeforeEach
    void start() throws Exception {
        Fixtures.copyOfSite(site);
        big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(site.resolve("video.bin"), big);
        String bundle = "console.log('bundle');\n".repeat(200);
        Files.writeString(site.resolve("bundle.js"), bundle);
        bundleBr = "pretend-brotli-bytes".getBytes();
        Files.write(site.resolve("bundle.js.br"), bundleBr);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bundle.getBytes());
        }
        bundleGz = gz.toByteArray();
        Files.write(site.resolve("bundle.js.gz"), bundleGz);
        gateway = Fixtures.start(Fixtures.config(site).withLimits(GatewayLimits.defaults().withFileCache(64 * 1024, 1 << 20)));
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void largeFile_fullAndRanged_bytesExact() throws Exception {
        assertThat(get("/video.bin").body()).isEqualTo(big);
        HttpResponse<byte[]> part = get("/video.bin", "Range", "bytes=200000-200099");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(big, 200_000, 200_100));
        assertThat(part.headers().firstValue("content-type")).hasValue("application/octet-stream");
    }

    @Test
    void precompressed_brotliPreferredThenGzip() throws Exception {
        HttpResponse<byte[]> br = get("/bundle.js", "Accept-Encoding", "gzip, br");
        assertThat(br.headers().firstValue("content-encoding")).hasValue("br");
        assertThat(br.body()).isEqualTo(bundleBr);
        HttpResponse<byte[]> gz = get("/bundle.js", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gz.body()).isEqualTo(bundleGz);
        assertThat(get("/bundle.js").body()).isEqualTo(Files.readAllBytes(site.resolve("bundle.js")));
    }

    @Test
    void changedFile_isServedFresh_withNewEtag() throws Exception {
        HttpResponse<byte[]> before = get("/robots.txt");
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\nDisallow: /private\n");
        Files.setLastModifiedTime(site.resolve("robots.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        HttpResponse<byte[]> after = get("/robots.txt");
        while (!new String(after.body()).contains("private") && System.nanoTime() < deadline) {
            after = get("/robots.txt");
        }
        assertThat(new String(after.body())).contains("Disallow: /private");
        assertThat(after.headers().firstValue("etag")).isNotEqualTo(before.headers().firstValue("etag"));
    }

    @Test
    void deletedFile_becomes404() throws Exception {
        assertThat(get("/logo.svg").statusCode()).isEqualTo(200);
        Files.delete(site.resolve("logo.svg"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = get("/logo.svg").statusCode();
        while (status != 404 && System.nanoTime() < deadline) {
            status = get("/logo.svg").statusCode();
        }
        assertThat(status).isEqualTo(404);
    }
}
