package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /s/<code>} answered with 301 from a mapping file, unknown codes 404; a Redis store that is
 * down or silent answers 503 within the look-up timeout.
 */
class ShortLinksIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void knownCode_redirects_unknownCode_404() throws Exception {
        Path links = Files.writeString(dir.resolve("links.txt"), """
                # marketing campaign links
                dr17=/doctors/17-emma-schwarz
                promo = https://www.example.test/spring?utm_source=s
                """);
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withShortLinks(links));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/dr17")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.headers().firstValue("location")).hasValue("/doctors/17-emma-schwarz");
            HttpResponse<String> promo = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/promo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(promo.headers().firstValue("location")).hasValue("https://www.example.test/spring?utm_source=s");
            for (String unknown : new String[] {"/s/nope", "/s/", "/s/a/b"}) {
                assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + unknown)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(unknown).isEqualTo(404);
            }
            // A dot-segment, however spelled, is refused before any route is matched.
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/%2e%2e")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        } finally {
            gateway.stop();
        }
    }

    @Test
    void redisUnreachable_gives503WithRetryAfter_quickly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withShortLinks(new ShortLinkStore.Redis(URI.create("redis://127.0.0.1:" + closed), "links")));
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/dr17")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("retry-after")).isPresent();
                assertThat(r.headers().firstValue("x-rendergate-reason")).hasValueSatisfying(v -> assertThat(v).startsWith("shortlinks-"));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/robots.txt")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("the rest keeps serving").isEqualTo(200);
        } finally {
            gateway.stop();
        }
    }

    @Test
    void redisThatNeverAnswers_gives503AfterTheLookupTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (held.size() < 8) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                } finally {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            }, "silent-redis");
            acceptor.setDaemon(true);
            acceptor.start();
            Gateway gateway = Fixtures.start(Fixtures.config(Fixtures.site()).withShortLinks(
                    new ShortLinkStore.Redis(URI.create("redis://127.0.0.1:" + silent.getLocalPort()), "links")));
            try {
                long started = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/s/dr17")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("shortlinks-timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void badRedisSettings_failAtCreate_namingTheValue() {
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site())
                .withShortLinks(new ShortLinkStore.Redis(URI.create("http://127.0.0.1:6379"), "links"))))
                .hasMessageContaining("redis://host:port");
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site())
                .withShortLinks(new ShortLinkStore.Redis(URI.create("redis://127.0.0.1:6379"), "bad key"))))
                .hasMessageContaining("bad key");
    }

    @Test
    void badLine_failsAtCreate_namingTheLine() throws Exception {
        Path links = Files.writeString(dir.resolve("links.txt"), "ok=/a\nbad code=/b\n");
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site()).withShortLinks(links)))
                .hasMessageContaining("line 2");
        Path evil = Files.writeString(dir.resolve("evil.txt"), "x=javascript:alert(1)\n");
        assertThatThrownBy(() -> Gateway.create(Fixtures.config(Fixtures.site()).withShortLinks(evil)))
                .hasMessageContaining("line 1");
    }
}
