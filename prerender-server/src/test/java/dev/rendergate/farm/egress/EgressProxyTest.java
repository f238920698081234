package dev.rendergate.farm.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.testing.TcpCanary;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The egress proxy on real loopback sockets, with a resolver the test controls. */
class EgressProxyTest {
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final String PUBLIC = "93.184.216.34";

    private final Map<String, List<String>> dns = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final List<String> originSaw = new CopyOnWriteArrayList<>();
    private final FarmMetrics metrics = new FarmMetrics();
    private HttpServer origin;
    private TcpCanary canary;
    private EgressProxy proxy;

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        origin.createContext("/", exchange -> {
            originSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " proxy-connection="
                    + exchange.getRequestHeaders().getFirst("Proxy-Connection"));
            int size = exchange.getRequestURI().getPath().equals("/large") ? 1 << 20 : 0;
            byte[] body = size > 0 ? new byte[size] : "hello from the origin".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        origin.start();
        canary = TcpCanary.start();
        dns.put("origin.test", List.of("127.0.0.1"));
        dns.put("both.test", List.of(PUBLIC, "127.0.0.1"));
        dns.put("loopback.test", List.of("127.0.0.1"));
        proxy = proxy(EgressLimits.DEFAULTS);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        origin.stop(0);
        canary.close();
    }

    private EgressProxy proxy(EgressLimits limits) {
        int o = origin.getAddress().getPort();
        int c = canary.port();
        List<String> allowed = List.of("http://origin.test:" + o, "http://both.test:" + c, "https://both.test:" + c,
                "http://loopback.test:" + c, "https://loopback.test:" + c);
        AddressGuard.HostResolver resolver = host -> {
            lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            List<String> answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> out = new ArrayList<>();
            for (String a : answers) {
                out.add(InetAddress.getByName(a));
            }
            return out.toArray(new InetAddress[0]);
        };
        AddressGuard guard = new AddressGuard(Set.of("origin.test:" + o), resolver);
        return new EgressProxy(new EgressPolicy(allowed, guard), limits, metrics);
    }

    private String originUrl(String path) {
        return "http://origin.test:" + origin.getAddress().getPort() + path;
    }

    @Test
    void plainRequest_reachesTheOriginInOriginForm_andIsAnsweredWithConnectionClose() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String answer = exchange(session, "GET " + originUrl("/page?q=1") + " HTTP/1.1\r\nHost: origin.test\r\n"
                    + "Proxy-Connection: keep-alive\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 200").contains("Connection: close").endsWith("hello from the origin");
            assertThat(originSaw).containsExactly("GET /page?q=1 proxy-connection=null");
            assertThat(session.requests()).isEqualTo(1);
            assertThat(session.bytes()).isPositive();
        }
    }

    @Test
    void connect_opensATunnelToTheCheckedAddress() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), session.port())) {
            socket.setSoTimeout(5_000);
            write(socket, "CONNECT origin.test:" + origin.getAddress().getPort() + " HTTP/1.1\r\n\r\n");
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            write(socket, "GET /through-the-tunnel HTTP/1.1\r\nHost: origin.test\r\nConnection: close\r\n\r\n");

            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200").endsWith("hello from the origin");
            assertThat(originSaw).containsExactly("GET /through-the-tunnel proxy-connection=null");
        }
    }

    @Test
    void eachRequest_resolvesTheNameOnce_andConnectsToTheAddressItChecked() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String answer = exchange(session, "GET " + originUrl("/once") + " HTTP/1.1\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(lookups.get("origin.test")).as("lookups of the name").hasValue(1);
            assertThat(originSaw).containsExactly("GET /once proxy-connection=null");
        }
    }

    @Test
    void nameWithAPublicAndALoopbackAnswer_isRefusedOverHttpAndConnect_andTheCanarySeesNothing() throws IOException {
        String target = "both.test:" + canary.port();
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String http = exchange(session, "GET http://" + target + "/ HTTP/1.1\r\nHost: both.test\r\n\r\n");
            String tunnel = exchange(session, "CONNECT " + target + " HTTP/1.1\r\n\r\n");

            assertThat(http).startsWith("HTTP/1.1 403").contains(EgressProxy.REFUSAL_HEADER + ": private-address:loopback");
            assertThat(tunnel).startsWith("HTTP/1.1 403").contains(EgressProxy.REFUSAL_HEADER + ": private-address:loopback");
            assertThat(session.refusal("both.test", canary.port())).hasValue("private-address:loopback");
            assertThatThrownBy(() -> session.requireComplete(URI.create("http://" + target + "/")))
                    .isInstanceOfSatisfying(EgressRefusedException.class, e -> assertThat(e.limit()).isFalse());
        }
        assertThat(canary.connections()).isZero();
        assertThat(metrics.count("rendergate_egress_refused", "reason", "private-address:loopback")).isEqualTo(2);
    }

    @Test
    void allowedNameResolvingToLoopback_isRefused_andOriginsOffTheListAreRefusedUnresolved() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String loopback = exchange(session, "CONNECT loopback.test:" + canary.port() + " HTTP/1.1\r\n\r\n");
            String offList = exchange(session, "CONNECT 127.0.0.1:" + canary.port() + " HTTP/1.1\r\n\r\n");
            String unknown = exchange(session, "GET http://nowhere.test:" + canary.port() + "/ HTTP/1.1\r\n\r\n");

            assertThat(loopback).contains(EgressProxy.REFUSAL_HEADER + ": private-address:loopback");
            assertThat(offList).contains(EgressProxy.REFUSAL_HEADER + ": origin-not-allowed");
            assertThat(unknown).contains(EgressProxy.REFUSAL_HEADER + ": origin-not-allowed");
        }
        assertThat(canary.connections()).isZero();
    }

    @Test
    void originThatIsDown_getsTheConnectionClosedWithoutAnAnswer() throws IOException {
        int closedPort;
        try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        proxy.close();
        dns.put("down.test", List.of("127.0.0.1"));
        AddressGuard guard = new AddressGuard(Set.of("down.test:" + closedPort), host -> new InetAddress[] {
                InetAddress.getByName(dns.get(host).get(0))});
        proxy = new EgressProxy(new EgressPolicy(List.of("http://down.test:" + closedPort), guard),
                EgressLimits.DEFAULTS, metrics);
        try (EgressSession session = proxy.open(URI.create("http://down.test:" + closedPort + "/"), BUDGET)) {
            assertThat(exchange(session, "GET http://down.test:" + closedPort + "/ HTTP/1.1\r\n\r\n")).isEmpty();
            assertThat(exchange(session, "CONNECT down.test:" + closedPort + " HTTP/1.1\r\n\r\n")).isEmpty();
            session.requireComplete(URI.create("http://down.test:" + closedPort + "/"));
        }
    }

    @Test
    void sessionNotRendering_refusesEverything() throws IOException {
        try (EgressSession idle = proxy.open()) {
            assertThat(exchange(idle, "GET " + originUrl("/") + " HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 403").contains(EgressProxy.REFUSAL_HEADER + ": no-render");
            assertThat(exchange(proxy.refuseAll(), "CONNECT origin.test:" + origin.getAddress().getPort()
                    + " HTTP/1.1\r\n\r\n")).contains(EgressProxy.REFUSAL_HEADER + ": no-render");
        }
        assertThat(originSaw).isEmpty();
    }

    @Test
    void malformedAndNonProxyRequests_get400() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            assertThat(exchange(session, "GET / HTTP/1.1\r\nHost: origin.test\r\n\r\n")).startsWith("HTTP/1.1 400")
                    .contains("absolute http URL");
            assertThat(exchange(session, "GET https://origin.test/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400")
                    .contains("CONNECT");
            assertThat(exchange(session, "CONNECT origin.test HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
            assertThat(exchange(session, "GET " + originUrl("/") + " HTTP/1.1\r\nno colon here\r\n\r\n"))
                    .startsWith("HTTP/1.1 400");
            assertThat(exchange(session, "GET " + originUrl("/") + " HTTP/1.1\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\n\r\n")).startsWith("HTTP/1.1 400").contains("larger than");
        }
        assertThat(originSaw).isEmpty();
    }

    @Test
    void requestLimit_refusesTheRest_andMarksTheRenderIncomplete() throws IOException {
        proxy.close();
        proxy = proxy(new EgressLimits(64L << 20, 2, 64));
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String get = "GET " + originUrl("/") + " HTTP/1.1\r\n\r\n";
            assertThat(exchange(session, get)).startsWith("HTTP/1.1 200");
            assertThat(exchange(session, get)).startsWith("HTTP/1.1 200");
            assertThat(exchange(session, get)).contains(EgressProxy.REFUSAL_HEADER + ": limit:requests");

            assertThatThrownBy(() -> session.requireComplete(URI.create(originUrl("/"))))
                    .isInstanceOfSatisfying(EgressRefusedException.class, e -> {
                        assertThat(e.limit()).isTrue();
                        assertThat(e.reason()).isEqualTo("limit:requests");
                    });
        }
        assertThat(originSaw).hasSize(2);
    }

    @Test
    void connectionLimit_refusesTheNextOne_andCutsTheOpenOnes() throws IOException {
        proxy.close();
        proxy = proxy(new EgressLimits(64L << 20, 1_000, 2));
        String connect = "CONNECT origin.test:" + origin.getAddress().getPort() + " HTTP/1.1\r\n\r\n";
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET);
             Socket first = new Socket(InetAddress.getLoopbackAddress(), session.port());
             Socket second = new Socket(InetAddress.getLoopbackAddress(), session.port())) {
            for (Socket tunnel : List.of(first, second)) {
                tunnel.setSoTimeout(5_000);
                write(tunnel, connect);
                assertThat(readHead(tunnel.getInputStream())).startsWith("HTTP/1.1 200");
            }

            assertThat(exchange(session, connect)).contains(EgressProxy.REFUSAL_HEADER + ": limit:connections");
            assertThat(first.getInputStream().read()).as("the open tunnels are cut").isEqualTo(-1);
            assertThatThrownBy(() -> session.requireComplete(URI.create(originUrl("/")))).hasMessage("limit:connections");
        }
    }

    @Test
    void byteLimit_cutsTheResponse() throws IOException {
        proxy.close();
        proxy = proxy(new EgressLimits(64 * 1024, 1_000, 64));
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET)) {
            String answer = exchange(session, "GET " + originUrl("/large") + " HTTP/1.1\r\n\r\n");

            assertThat(answer.length()).isLessThan(128 * 1024);
            assertThatThrownBy(() -> session.requireComplete(URI.create(originUrl("/"))))
                    .hasMessage("limit:bytes");
        }
        assertThat(metrics.count("rendergate_egress_refused", "reason", "limit:bytes")).isEqualTo(1);
    }

    @Test
    void deadline_cutsAnOpenTunnel() throws IOException {
        try (EgressSession session = proxy.open(URI.create(originUrl("/")), Duration.ofMillis(500));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), session.port())) {
            socket.setSoTimeout(5_000);
            write(socket, "CONNECT origin.test:" + origin.getAddress().getPort() + " HTTP/1.1\r\n\r\n");
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            long start = System.nanoTime();

            // The tunnel is open and idle: only the deadline can end it, well before the socket's 5 s timeout.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(exchange(session, "GET " + originUrl("/") + " HTTP/1.1\r\n\r\n"))
                    .contains(EgressProxy.REFUSAL_HEADER + ": limit:deadline");
        }
    }

    @Test
    void closingTheSession_stopsItsListener() throws IOException {
        EgressSession session = proxy.open(URI.create(originUrl("/")), BUDGET);
        int port = session.port();
        session.close();

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(IOException.class);
    }

    /** Sends one request on a fresh connection and reads the whole answer. */
    private static String exchange(EgressSession session, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), session.port())) {
            socket.setSoTimeout(5_000);
            write(socket, request);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
