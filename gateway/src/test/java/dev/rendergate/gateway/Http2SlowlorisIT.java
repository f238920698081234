package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The slowloris guard on HTTP/2 (h2c by prior knowledge, raw frames): header blocks that never complete,
 * request bodies that trickle or never come, and connections kept busy without a stream are all closed
 * within the client timeouts; ordinary streams, slow within the limit, are served.
 */
class Http2SlowlorisIT {

    private static final Duration READ = Duration.ofMillis(600);
    /** Longer than the read time by far: a connection closed sooner was closed by the read-time guard. */
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration WELL_BEFORE_IDLE = Duration.ofSeconds(2);
    private static HeldOrigin service;
    private static Gateway gateway;

    /** Request bodies are read on service routes only: the bodies here go to one that answers at once. */
    @BeforeAll
    static void start() throws Exception {
        service = new HeldOrigin();
        service.release();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withRoutes(java.util.List.of(ProxyRoute.parse("/svc/=" + service.uri())))
                .withTimeouts(GatewayTimeouts.defaults().withRequestRead(READ).withIdle(IDLE)));
    }

    @AfterAll
    static void stop() {
        gateway.stop();
        service.close();
    }

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    /**
     * One whole request first, so the server's SETTINGS are read and acknowledged: an ACK sent in the
     * middle of a header block would be a protocol error of the client's own making.
     */
    private static void settled(RawH2 raw) throws Exception {
        raw.get(1, "/robots.txt");
        assertThat(raw.response(1).status()).isEqualTo(200);
    }

    private static void stillServing() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            raw.get(1, "/robots.txt");
            assertThat(raw.response(1).status()).isEqualTo(200);
        }
    }

    @Test
    void headerBlockNeverCompleted_connectionIsClosedAfterTheReadTime() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            settled(raw);
            byte[] block = raw.headerBlock(3, "GET", "/robots.txt", "x-pad", "p".repeat(200));
            long started = System.nanoTime();
            raw.frame(RawH2.HEADERS, RawH2.END_STREAM, 3, Arrays.copyOf(block, block.length / 2));

            assertThat(raw.awaitClose(Duration.ofSeconds(5), null)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WELL_BEFORE_IDLE);
        }
        stillServing();
    }

    @Test
    void headerBlockTrickledInContinuations_isNotSavedByActivity() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            settled(raw);
            byte[] block = raw.headerBlock(3, "GET", "/robots.txt", "x-pad", "p".repeat(200));
            long started = System.nanoTime();
            raw.frame(RawH2.HEADERS, RawH2.END_STREAM, 3, Arrays.copyOf(block, 1));
            boolean closed = false;
            // One byte every 150 ms, eight times (1.2 s, past the read time): fewer small CONTINUATION
            // frames than Netty's own flood limit, so only the read-time guard can end it this soon.
            for (int i = 1; i <= 8 && !closed; i++) {
                try {
                    raw.frame(RawH2.CONTINUATION, 0, 3, new byte[] {block[i]});
                    pause(Duration.ofMillis(150));
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed || raw.awaitClose(Duration.ofSeconds(5), null)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WELL_BEFORE_IDLE);
        }
        stillServing();
    }

    @Test
    void bodyNeverSent_gets408_andTheConnectionIsClosed() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            long started = System.nanoTime();
            raw.frame(RawH2.HEADERS, RawH2.END_HEADERS, 1,
                    raw.headerBlock(1, "POST", "/svc/form", "content-length", "100"));

            assertThat(raw.response(1).status()).isEqualTo(408);
            assertThat(raw.awaitClose(Duration.ofSeconds(4), null)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
        stillServing();
    }

    @Test
    void bodyTrickled_gets408_whateverTheActivity() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            long started = System.nanoTime();
            raw.frame(RawH2.HEADERS, RawH2.END_HEADERS, 1,
                    raw.headerBlock(1, "POST", "/svc/form", "content-length", "100"));
            // One byte every 100 ms until the server answers (writing on would race its close).
            for (int i = 0; i < 30 && !raw.endedWithin(1, Duration.ofMillis(100)); i++) {
                raw.frame(RawH2.DATA, 0, 1, new byte[] {'x'});
            }
            assertThat(raw.response(1).status()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not extended by the trickle")
                    .isLessThan(Duration.ofMillis(2500));
            assertThat(raw.awaitClose(Duration.ofSeconds(4), null)).isTrue();
        }
        stillServing();
    }

    @Test
    void connectionWithoutStreams_keptBusyWithPings_isClosedAfterTheIdleTime() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            long started = System.nanoTime();
            assertThat(raw.awaitClose(Duration.ofSeconds(8), Duration.ofMillis(100))).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(IDLE.minusMillis(100)).isLessThan(IDLE.plusSeconds(3));
        }
    }

    @Test
    void ordinaryStreams_slowButWithinTheLimits_areServed() throws Exception {
        try (RawH2 raw = new RawH2(gateway.port(), 5_000)) {
            // A body in two parts, 200 ms apart: complete well within the read time.
            raw.frame(RawH2.HEADERS, RawH2.END_HEADERS, 1,
                    raw.headerBlock(1, "POST", "/svc/form", "content-length", "2"));
            raw.frame(RawH2.DATA, 0, 1, new byte[] {'a'});
            pause(Duration.ofMillis(200));
            raw.frame(RawH2.DATA, RawH2.END_STREAM, 1, new byte[] {'b'});
            RawH2.Response slowBody = raw.response(1);
            assertThat(slowBody.status()).as("answered by the service, not timed out").isEqualTo(200);
            assertThat(slowBody.body()).isEqualTo("read 2");

            // A header block in two frames, then requests spread over longer than the idle time.
            byte[] block = raw.headerBlock(3, "GET", "/robots.txt");
            raw.frame(RawH2.HEADERS, RawH2.END_STREAM, 3, Arrays.copyOf(block, 2));
            raw.frame(RawH2.CONTINUATION, RawH2.END_HEADERS, 3, Arrays.copyOfRange(block, 2, block.length));
            assertThat(raw.response(3).body()).isEqualTo(Files.readString(Fixtures.site().resolve("robots.txt")));
            for (int stream = 5; stream <= 17; stream += 2) {
                pause(Duration.ofMillis(500));
                raw.get(stream, "/robots.txt");
                assertThat(raw.response(stream).status()).isEqualTo(200);
            }
        }
    }
}
