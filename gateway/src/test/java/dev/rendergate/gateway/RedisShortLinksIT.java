package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /s/<code>} from a Redis hash on the real Redis at 127.0.0.1:6379, under a key of this run only. */
class RedisShortLinksIT {

    private static final String REDIS = "redis://127.0.0.1:6379/0";
    private static final String KEY = "rendergate:test:shortlinks:" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> redis;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        assumeTrue(reachable(), "Redis does not answer PING at 127.0.0.1:6379; the short-link Redis tests need it");
        client = RedisClient.create(REDIS);
        redis = client.connect();
        redis.sync().hset(KEY, Map.of(
                "dr17", "/doctors/17-emma-schwarz",
                "promo", "https://www.example.test/spring?utm_source=s",
                "js", "javascript:alert(1)",
                "proto", "//evil.example/x",
                "ftp", "ftp://files.example/x",
                "space", "/a b",
                "back", "/\\evil.example"));
        gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withShortLinks(new ShortLinkStore.Redis(URI.create(REDIS), KEY)));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (redis != null) {
            redis.sync().del(KEY);
            redis.close();
            client.shutdown();
        }
    }

    static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void knownCode_redirects301_toItsTarget() throws Exception {
        HttpResponse<String> r = get("/s/dr17");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("/doctors/17-emma-schwarz");
        assertThat(get("/s/promo").headers().firstValue("location")).hasValue("https://www.example.test/spring?utm_source=s");
    }

    @Test
    void unknownOrMalformedCode_is404() throws Exception {
        for (String path : new String[] {"/s/nope", "/s/", "/s/a/b", "/s/" + "x".repeat(65)}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        // A dot-segment or an encoded NUL is refused before any route is matched, Redis never asked.
        for (String path : new String[] {"/s/%2e%2e", "/s/a%00"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    void targetThatIsNotAnHttpUrlOrAPath_is404_neverARedirect() throws Exception {
        for (String code : new String[] {"js", "proto", "ftp", "space", "back"}) {
            HttpResponse<String> r = get("/s/" + code);
            assertThat(r.statusCode()).as(code).isEqualTo(404);
            assertThat(r.headers().firstValue("location")).as(code).isEmpty();
        }
    }

    @Test
    void linkAddedWhileRunning_answersAtOnce() throws Exception {
        assertThat(get("/s/fresh").statusCode()).isEqualTo(404);
        redis.sync().hset(KEY, "fresh", "/fresh-page");
        HttpResponse<String> r = get("/s/fresh");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("/fresh-page");
    }

    @Test
    void startOnATakenPort_closesTheRedisConnectionOpenedAtCreate() throws Exception {
        String name = "rendergate-test-" + UUID.randomUUID();
        BooleanSupplier connected = () -> redis.sync().clientList().contains(" name=" + name + " ");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Gateway failing = Gateway.create(Fixtures.config(Fixtures.site()).withPort(taken.getLocalPort())
                    .withShortLinks(new ShortLinkStore.Redis(URI.create(REDIS + "?clientName=" + name), KEY)));
            assertThat(within(Duration.ofSeconds(5), connected)).as("connected at create").isTrue();

            assertThatThrownBy(failing::start).isInstanceOf(PortInUseException.class);

            assertThat(within(Duration.ofSeconds(5), () -> !connected.getAsBoolean()))
                    .as("the connection does not outlive the failed start").isTrue();
        }
    }

    private static boolean within(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return true;
    }
}
