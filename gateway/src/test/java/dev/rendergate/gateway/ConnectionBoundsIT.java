package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one client can make the gateway hold is bounded, each bound with its own refusal, and the gateway goes on
 * serving: bodies only on service routes, pipelined requests, HTTP/2 streams, connections, and request bodies over
 * all connections.
 */
class ConnectionBoundsIT {

    private static final String REFUSALS = "rendergate.gateway.refusals";

    private HeldOrigin service;
    private Gateway gateway;

    @BeforeEach
    void startService() throws IOException {
        service = new HeldOrigin();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        service.close();
    }

    private Gateway start(GatewayLimits limits) {
        gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withRoutes(List.of(ProxyRoute.parse("/svc/=" + service.uri())))
                .withLimits(limits));
        return gateway;
    }

    private void stillServing() throws IOException {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get("/robots.txt"));
        assertThat(r.status()).isEqualTo(200);
    }

    private double refusals(String reason) {
        return gateway.metrics().count(REFUSALS, "reason", reason);
    }

    @Test
    void bodyOnStaticRoute_isRefusedWith413BeforeItIsRead() throws Exception {
        start(GatewayLimits.defaults());
        try (RawHttp raw = new RawHttp(gateway.port(), 3_000)) {
            // 1,000 of the 500,000 announced bytes: the answer must not wait for the rest.
            raw.send("GET /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\n" + "b".repeat(1000));
            RawHttp.Response r = raw.read(false);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("X-Rendergate-Reason")).isEqualTo("body-not-accepted");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(refusals("body-not-accepted")).isEqualTo(1);
        stillServing();
    }

    @Test
    void postWithExpectContinue_onStaticRoute_gets405InsteadOf100() throws Exception {
        start(GatewayLimits.defaults());
        try (RawHttp raw = new RawHttp(gateway.port(), 3_000)) {
            raw.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n");
            RawHttp.Response r = raw.read(false);
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(r.header("X-Rendergate-Reason")).isEqualTo("body-not-accepted");
        }
        stillServing();
    }

    @Test
    void bodyOnServiceRoute_isForwarded() throws Exception {
        start(GatewayLimits.defaults());
        service.release();
        RawHttp.Response r = RawHttp.once(gateway.port(),
                "POST /svc/form HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + "f".repeat(2000));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("read 2000");
    }

    @Test
    void http2_bodyOnStaticRoute_isRefusedWith413BeforeItIsRead() throws Exception {
        start(GatewayLimits.defaults());
        try (RawH2 h2 = new RawH2(gateway.port(), 3_000)) {
            h2.frame(RawH2.HEADERS, RawH2.END_HEADERS, 1, h2.headerBlock(1, "GET", "/", "content-length", "100000"));
            h2.frame(RawH2.DATA, 0, 1, new byte[1000]);
            RawH2.Response r = h2.response(1);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.headers().get("x-rendergate-reason")).hasToString("body-not-accepted");
            h2.get(3, "/robots.txt");
            assertThat(h2.response(3).status()).isEqualTo(200);
        }
        stillServing();
    }

    @Test
    void pipelinedRequestsBeyondTheBound_getA503InTheirTurnAndTheConnectionCloses() throws Exception {
        start(GatewayLimits.defaults().withMaxPipelined(2, 64 * 1024));
        try (RawHttp raw = new RawHttp(gateway.port(), 5_000)) {
            // One write: a request the service holds, then five more decoded while it is pending.
            raw.send(RawHttp.get("/svc/held") + RawHttp.get("/robots.txt").repeat(5));
            service.awaitRequests(1);
            service.release();
            assertThat(raw.read(false).status()).isEqualTo(200);
            assertThat(raw.read(false).status()).isEqualTo(200);
            assertThat(raw.read(false).status()).isEqualTo(200);
            RawHttp.Response refused = raw.read(false);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("X-Rendergate-Reason")).isEqualTo("pipeline-full");
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(refusals("pipeline-full")).isEqualTo(1);
        stillServing();
    }

    @Test
    void http2StreamsBeyondTheBound_areRefused() throws Exception {
        start(GatewayLimits.defaults().withMaxHttp2Streams(4));
        // A client that opens its streams before it has read (and acknowledged) the server's SETTINGS: refused all the same.
        try (RawH2 h2 = new RawH2(gateway.port(), 5_000)) {
            for (int stream = 1; stream <= 11; stream += 2) {
                h2.get(stream, "/svc/held/" + stream);
            }
            assertThat(h2.resetOrEnd(9)).isEqualTo(RawH2.REFUSED_STREAM);
            assertThat(h2.resetOrEnd(11)).isEqualTo(RawH2.REFUSED_STREAM);
            assertThat(h2.awaitSettings()).containsEntry(RawH2.SETTINGS_MAX_CONCURRENT_STREAMS, 4L);
            service.awaitRequests(4);
            // A client that read (and acknowledged) the SETTINGS first.
            try (RawH2 polite = new RawH2(gateway.port(), 5_000)) {
                polite.awaitSettings();
                for (int stream = 1; stream <= 11; stream += 2) {
                    polite.get(stream, "/svc/held/" + stream);
                }
                assertThat(polite.resetOrEnd(9)).isEqualTo(RawH2.REFUSED_STREAM);
                assertThat(polite.resetOrEnd(11)).isEqualTo(RawH2.REFUSED_STREAM);
                service.release();
                for (int stream = 1; stream <= 7; stream += 2) {
                    assertThat(polite.response(stream).status()).isEqualTo(200);
                }
            }
            for (int stream = 1; stream <= 7; stream += 2) {
                assertThat(h2.response(stream).status()).isEqualTo(200);
            }
        }
        stillServing();
    }

    @Test
    void connectionsBeyondTheCap_get503AndAreClosed() throws Exception {
        start(GatewayLimits.defaults().withMaxConnections(3));
        List<RawHttp> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawHttp raw = new RawHttp(gateway.port(), 3_000);
                held.add(raw);
                raw.send(RawHttp.get("/robots.txt"));
                assertThat(raw.read(false).status()).isEqualTo(200);
            }
            try (RawHttp extra = new RawHttp(gateway.port(), 3_000)) {
                extra.send(RawHttp.get("/robots.txt"));
                RawHttp.Response r = extra.read(false);
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.header("X-Rendergate-Reason")).isEqualTo("connection-limit");
                assertThat(r.header("Connection")).isEqualTo("close");
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(extra.closedByServer()).isTrue();
            }
            assertThat(refusals("connection-limit")).isEqualTo(1);
            held.remove(0).close();
            assertThat(awaitServed()).isTrue();
        } finally {
            for (RawHttp raw : held) {
                raw.close();
            }
        }
    }

    /** A freed slot is taken again once the gateway has seen the close: tries for up to 5 s. */
    private boolean awaitServed() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (RawHttp.once(gateway.port(), RawHttp.get("/robots.txt")).status() == 200) {
                return true;
            }
        }
        return false;
    }

    private double bodyBytesHeld() {
        MetricsScrape scrape = MetricsScrape.parse(gateway.metrics().scrape());
        assertThat(scrape.named("rendergate_gateway_request_body_bytes")).hasSize(1);
        return scrape.value("rendergate_gateway_request_body_bytes");
    }

    private boolean awaitBodiesReleased() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (bodyBytesHeld() == 0) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Test
    void chunkedBodies_areCountedAsTheyArrive_againstTheBodyLimitAndTheBudget() throws Exception {
        start(GatewayLimits.defaults().withMaxBodyBytes(40_000).withBodyMemoryBytes(50_000));
        String chunkedHead = "POST /svc/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunk = Integer.toHexString(30_000) + "\r\n" + "c".repeat(30_000) + "\r\n";
        try (RawHttp tooLarge = new RawHttp(gateway.port(), 3_000)) {
            tooLarge.send(chunkedHead + chunk + chunk);
            RawHttp.Response r = tooLarge.read(false);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("X-Rendergate-Reason")).isEqualTo("body-too-large");
        }
        try (RawHttp first = new RawHttp(gateway.port(), 5_000)) {
            first.send(chunkedHead + chunk + "0\r\n\r\n");
            service.awaitRequests(1);
            try (RawHttp second = new RawHttp(gateway.port(), 3_000)) {
                second.send(chunkedHead + chunk);
                RawHttp.Response r = second.read(false);
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.header("X-Rendergate-Reason")).isEqualTo("memory-budget");
            }
            service.release();
            assertThat(first.read(false).text()).isEqualTo("read 30000");
        }
        assertThat(awaitBodiesReleased()).isTrue();
        stillServing();
    }

    @Test
    void bodiesBeyondTheMemoryBudget_get503WithRetryAfter() throws Exception {
        start(GatewayLimits.defaults().withMaxBodyBytes(40_000).withBodyMemoryBytes(64_000));
        String post = "POST /svc/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 40000\r\n\r\n" + "u".repeat(40_000);
        try (RawHttp first = new RawHttp(gateway.port(), 5_000)) {
            first.send(post);
            service.awaitRequests(1);
            assertThat(bodyBytesHeld()).isEqualTo(40_000);
            try (RawHttp second = new RawHttp(gateway.port(), 3_000)) {
                second.send(post);
                RawHttp.Response r = second.read(false);
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.header("X-Rendergate-Reason")).isEqualTo("memory-budget");
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(second.closedByServer()).isTrue();
            }
            service.release();
            assertThat(first.read(false).status()).isEqualTo(200);
        }
        assertThat(refusals("memory-budget")).isEqualTo(1);
        // The first body is given back once its answer is written; then a body fits again.
        assertThat(awaitBodiesReleased()).isTrue();
        RawHttp.Response again = RawHttp.once(gateway.port(), post);
        assertThat(again.status()).isEqualTo(200);
        stillServing();
    }
}
