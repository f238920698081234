package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing outside the site folder is reachable, however the path is spelled. */
class PathTraversalIT {

    private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-ROOT";

    @TempDir
    Path dir;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        Path site = Fixtures.copyOfSite(Files.createDirectories(dir.resolve("site")));
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(site.resolve(".env"), SECRET);
        Files.createDirectories(site.resolve(".git"));
        Files.writeString(site.resolve(".git/config"), SECRET);
        Files.createSymbolicLink(site.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("up"), dir);
        gateway = Fixtures.start(Fixtures.config(site));
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt",
        "/../../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/secret.txt%00.js",
        "/index.html%00",
        "/%00",
        "/.env",
        "/.git/config",
        "/escape.txt",
        "/up/secret.txt",
        "/./index.html/../../secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "//secret.txt",
    })
    void traversalAttempt_isRefused_andNeverLeaksTheSecret(String path) throws Exception {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get(path));
        assertThat(r.text()).doesNotContain(SECRET);
        if (r.status() == 200) {
            // An extensionless path is a page to the edge logic: the SPA shell, nothing else.
            assertThat(r.text()).contains("Fixture shell");
        } else {
            assertThat(r.status()).isIn(400, 404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/../../secret.txt", "/api/%2e%2e/%2e%2e/secret.txt", "/api/..%2f..%2fsecret.txt",
        "/api/..\\..\\secret.txt", "/api/%00", "/api/.env", "/api/x%00"})
    void traversalAttempt_onTheFileRoute_isRefusedOutright(String path) throws Exception {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get(path));
        assertThat(r.status()).isIn(400, 404);
        assertThat(r.text()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"})
    void traversalAttempt_gatewayKeepsServing(String path) throws Exception {
        RawHttp.once(gateway.port(), RawHttp.get(path));
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/robots.txt")).status()).isEqualTo(200);
    }
}
