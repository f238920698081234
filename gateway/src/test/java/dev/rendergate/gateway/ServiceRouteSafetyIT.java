package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, finding 7: service routes match and forward a checked, normalised path (ambiguous spellings get 400 and
 * never reach a service), match whole segments, and never pass on a client's edge markers or forwarding chain.
 */
class ServiceRouteSafetyIT {

    private HttpServer service;
    private final AtomicInteger hits = new AtomicInteger();
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        service.createContext("/", exchange -> {
            hits.incrementAndGet();
            StringBuilder echo = new StringBuilder("SERVICE path=").append(exchange.getRequestURI().getRawPath())
                    .append(" query=").append(exchange.getRequestURI().getRawQuery()).append('\n');
            exchange.getRequestHeaders().forEach((name, values) ->
                    values.forEach(v -> echo.append(name.toLowerCase(Locale.ROOT)).append(": ").append(v).append('\n')));
            byte[] out = echo.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(out);
            }
        });
        service.start();
        String target = "http://127.0.0.1:" + service.getAddress().getPort();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withRoutes(List.of(ProxyRoute.parse("/api/=" + target), ProxyRoute.parse("/svc=" + target))));
    }

    @AfterEach
    void stop() {
        gateway.stop();
        service.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/../admin",
        "/api/..;/admin",
        "/api/.;/admin",
        "/api/..;jsessionid=1/admin",
        "/api/%2e%2e/admin",
        "/api/%2E%2e;x=1/admin",
        "/api/.%2e/admin",
        "/api/..%3b/admin",
        "/api/%2fadmin",
        "/api/..%2fadmin",
        "/api/%5c..%5cadmin",
        "/api/..\\admin",
        "/api/%252e%252e/admin",
        "/api//admin",
        "/api/x%00",
        "/api/%ff/admin",
        "/api/%zz",
        "/svc/../admin",
        "/x/../api/items",
    })
    void ambiguousPath_is400_andNeverReachesTheService(String path) throws Exception {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get(path));
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.header("X-Rendergate-Reason")).isEqualTo("bad-path");
        assertThat(r.text()).doesNotContain("SERVICE");
        assertThat(hits).hasValue(0);
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/api/after")).text()).contains("SERVICE path=/api/after");
    }

    @Test
    void path_isMatchedAndForwardedNormalised_queryAsSent() throws Exception {
        RawHttp.Response r = RawHttp.once(gateway.port(), RawHttp.get("/api/%7Euser/a%2cb/%41%20c?q=%2e&x=1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("SERVICE path=/api/~user/a%2Cb/A%20c query=q=%2e&x=1");
        // An escaped letter no longer slips past the prefix: /%61pi/ is /api/.
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/%61pi/items")).text()).contains("SERVICE path=/api/items");
    }

    @Test
    void routePrefix_matchesWholeSegmentsOnly() throws Exception {
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/svc")).text()).contains("SERVICE path=/svc");
        assertThat(RawHttp.once(gateway.port(), RawHttp.get("/svc/orders")).text()).contains("SERVICE path=/svc/orders");
        int before = hits.get();
        RawHttp.Response neighbour = RawHttp.once(gateway.port(), RawHttp.get("/svc-admin/x"));
        assertThat(neighbour.text()).doesNotContain("SERVICE").contains("Fixture shell");
        assertThat(hits).hasValue(before);
    }

    @Test
    void clientHeadersPosingAsTheEdgeOrAHop_areDropped_forwardedHeadersAreTheGateways() throws Exception {
        String request = "GET /api/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Rendergate-Bot: 1\r\nX-Rendergate-Class: search\r\nX-Rendergate-Device: mobile\r\n"
                + "X-Rendergate-Ua: Googlebot\r\nX-Prerender: 1\r\nX-Prerender-Token: guessed\r\n"
                + "Forwarded: for=203.0.113.9;proto=https;host=evil.example\r\nX-Forwarded-For: 203.0.113.9\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Port: 443\r\n"
                + "X-Real-IP: 203.0.113.9\r\nX-Custom: kept\r\nAuthorization: Bearer the-users-own\r\n\r\n";
        RawHttp.Response r = RawHttp.once(gateway.port(), request);
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> seen = headersSeen(r.text());
        assertThat(seen.keySet()).noneMatch(name -> name.startsWith("x-rendergate-") || name.startsWith("x-prerender"))
                .doesNotContain("forwarded", "x-real-ip", "x-forwarded-port");
        assertThat(r.text()).doesNotContain("203.0.113.9").doesNotContain("evil.example").doesNotContain("guessed");
        assertThat(seen).containsEntry("x-forwarded-for", "127.0.0.1").containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", "127.0.0.1").containsEntry("x-custom", "kept")
                .containsEntry("authorization", "Bearer the-users-own");
    }

    private static Map<String, String> headersSeen(String echo) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : echo.split("\n")) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("SERVICE") && colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
