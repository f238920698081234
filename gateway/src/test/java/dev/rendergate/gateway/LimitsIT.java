package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each limit breach gets its own 4xx and the gateway goes on serving. */
class LimitsIT {

    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        GatewayConfig config = Fixtures.config(Fixtures.site())
                // Bodies go to service routes only; this one is refused before the closed port is tried.
                .withRoutes(java.util.List.of(ProxyRoute.parse("/svc/=" + LoopbackFarm.closedPort())))
                .withLimits(GatewayLimits.defaults().withMaxUriLength(1024).withMaxHeaderBytes(2048).withMaxBodyBytes(1000))
                .withTimeouts(GatewayTimeouts.defaults().withRequestRead(Duration.ofMillis(600)).withIdle(Duration.ofSeconds(5)));
        gateway = Fixtures.start(config);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    private static void stillServing() throws Exception {
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/robots.txt")).status()).isEqualTo(200);
    }

    @Test
    void uriTooLong_gives414() throws Exception {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get("/" + "a".repeat(2000)));
        assertThat(r.status()).isEqualTo(414);
        stillServing();
    }

    @Test
    void headersTooLarge_gives431() throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(4000) + "\r\n\r\n";
        assertThat(RawHttp.once(gateway.port(), request).status()).isEqualTo(431);
        stillServing();
    }

    @Test
    void bodyTooLarge_gives413() throws Exception {
        String request = "POST /svc/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "c".repeat(5000);
        RawHttp.Response r = RawHttp.once(gateway.port(), request);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("X-Rendergate-Reason")).isEqualTo("body-too-large");
        stillServing();
    }

    @Test
    void malformedRequestLine_gives400() throws Exception {
        assertThat(RawHttp.once(gateway.port(), "NOT-HTTP\r\n\r\n").status()).isEqualTo(400);
        stillServing();
    }

    @Test
    void slowloris_partialHeaders_get408AndClose() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            long started = System.nanoTime();
            raw.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            RawHttp.Response r = raw.read(false);
            assertThat(r.status()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(raw.closedByServer()).isTrue();
        }
        stillServing();
    }

    @Test
    void slowloris_afterAnsweredRequests_getsItsOwnDeadline() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            // Answered requests leave the connection's one timer pending; the slow request that follows keeps the
            // full read time from its own first byte, and no more.
            for (int i = 0; i < 3; i++) {
                raw.send(RawHttp.get("/robots.txt"));
                assertThat(raw.read(false).status()).isEqualTo(200);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(400).toNanos());
            long started = System.nanoTime();
            raw.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            RawHttp.Response r = raw.read(false);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(r.status()).isEqualTo(408);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(550)).isLessThan(Duration.ofSeconds(4));
            assertThat(raw.closedByServer()).isTrue();
        }
        stillServing();
    }

    @Test
    void slowloris_tricklingBytes_isNotSavedByActivity() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            raw.send("GET / HTTP/1.1\r\n");
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                try {
                    raw.send("X");
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed || raw.closedByServer()).isTrue();
        }
        stillServing();
    }
}
