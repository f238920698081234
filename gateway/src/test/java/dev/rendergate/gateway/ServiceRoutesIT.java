package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --route} services behind the edge: forwarded with method, body and X-Forwarded-*, answers streamed back. */
class ServiceRoutesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpServer service;
    private LoopbackFarm.Silent silent;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        service.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " body=" + new String(in, StandardCharsets.UTF_8)
                    + " xff=" + exchange.getRequestHeaders().getFirst("X-Forwarded-For")
                    + " xfh=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                    + " custom=" + exchange.getRequestHeaders().getFirst("X-Custom");
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.getResponseHeaders().set("X-Service", "echo");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/teapot") ? 418 : 200, out.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(out);
            }
        });
        service.start();
        silent = new LoopbackFarm.Silent();
        gateway = Fixtures.start(Fixtures.config(Fixtures.site())
                .withRoutes(List.of(
                        ProxyRoute.parse("/api/live/=http://127.0.0.1:" + service.getAddress().getPort()),
                        ProxyRoute.parse("/svc/=http://127.0.0.1:" + service.getAddress().getPort()),
                        ProxyRoute.parse("/down/=" + LoopbackFarm.closedPort()),
                        ProxyRoute.parse("/slow/=" + silent.uri())))
                .withLimits(GatewayLimits.defaults().withMaxBodyBytes(2048))
                .withTimeouts(GatewayTimeouts.defaults().withFarmResponse(Duration.ofMillis(800))));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.stop();
        service.stop(0);
        silent.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path));
    }

    @Test
    void post_isForwardedWithBodyQueryAndForwardedHeaders() throws Exception {
        HttpResponse<String> r = send(at("/svc/orders?x=1").header("X-Custom", "kept").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("POST /svc/orders?x=1 body=hello xff=127.0.0.1 xfh=127.0.0.1:" + gateway.port())
                .endsWith("custom=kept");
        assertThat(r.headers().firstValue("x-service")).hasValue("echo");
    }

    @Test
    void routeUnderApi_winsOverTheSiteFolder_otherApiPathsStayStatic() throws Exception {
        assertThat(send(at("/api/live/now")).body()).startsWith("GET /api/live/now");
        assertThat(send(at("/api/doctors.json")).body()).contains("Dr. Ada Fixture");
    }

    @Test
    void serviceStatus_isPassedThrough() throws Exception {
        assertThat(send(at("/svc/teapot")).statusCode()).isEqualTo(418);
    }

    @Test
    void bodyOverTheLimit_gives413() throws Exception {
        HttpResponse<String> r = send(at("/svc/upload").POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(send(at("/svc/after")).statusCode()).isEqualTo(200);
    }

    @Test
    void unreachableService_gives502_slowService_gives504() throws Exception {
        HttpResponse<String> down = send(at("/down/x"));
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.headers().firstValue("x-rendergate-reason")).hasValue("route-unreachable");
        long started = System.nanoTime();
        HttpResponse<String> slow = send(at("/slow/x"));
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
