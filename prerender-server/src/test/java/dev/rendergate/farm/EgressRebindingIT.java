package dev.rendergate.farm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.TcpCanary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DNS rebinding against the whole farm, in both engines. The farm resolves names with a resolver this test controls,
 * playing a rebinding DNS server: {@code rebind.test} answers a public address to every check (the front door's,
 * the engines' own request gates) and loopback to the egress proxy's lookup, the one that decides where a
 * connection goes; {@code both.test} answers a public and a loopback address together. Both names point at a
 * canary that counts TCP connections: it must see none, over plain HTTP, HTTPS ({@code CONNECT}), WebSockets,
 * frames, fetches and redirects.
 */
class EgressRebindingIT {
    private static final String PUBLIC = "93.184.216.34";
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static TcpCanary canary;
    private static HttpServer origin;
    private static final Set<String> resolvedByTheProxy = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws IOException {
        canary = TcpCanary.start();
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        origin.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.equals("/hop")) {
                    exchange.getResponseHeaders().add("Location", "http://rebind.test:" + canary.port() + "/after-hop");
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                byte[] body = page().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        origin.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (origin != null) {
            origin.stop(0);
            canary.close();
        }
    }

    /** A page on an allowed origin that reaches for the canary every way a page can. */
    private static String page() {
        String rebind = "rebind.test:" + canary.port();
        String both = "both.test:" + canary.port();
        String socket = "socket.rebind.test:" + canary.port();
        return "<!doctype html><html><head><title>Reaching out</title></head><body><h1>Reaching out</h1>"
                + "<div id=\"app\">waiting</div>"
                + "<script src=\"http://" + rebind + "/plain.js\"></script>"
                + "<script src=\"https://" + rebind + "/tunnel.js\"></script>"
                + "<script src=\"http://" + both + "/both.js\"></script>"
                + "<iframe src=\"http://" + rebind + "/frame.html\"></iframe>"
                + "<iframe src=\"/hop\"></iframe>"
                + "<script>"
                + "try { fetch('http://" + both + "/api').catch(function () {}); } catch (e) {}"
                + "try { var x = new XMLHttpRequest(); x.open('GET', 'https://" + rebind + "/xhr'); x.send(); } catch (e) {}"
                + "try { fetch('/hop').catch(function () {}); } catch (e) {}"
                + "try { new WebSocket('ws://" + socket + "/socket').onerror = function () {}; } catch (e) {}"
                + "try { new WebSocket('wss://" + socket + "/secure').onerror = function () {}; } catch (e) {}"
                + "document.getElementById('app').textContent = 'rendered';"
                + "</script></body></html>";
    }

    /**
     * Public to every check, loopback to the lookup that decides where a connection goes (the egress proxy's, told
     * apart by its thread). Records the names the proxy looked up.
     */
    private static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        boolean connecting = Thread.currentThread().getName().startsWith("rendergate-egress");
        if (connecting) {
            resolvedByTheProxy.add(host);
        }
        InetAddress publicAddress = InetAddress.getByName(PUBLIC);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if (host.equals("both.test")) {
            return new InetAddress[] {publicAddress, loopback};
        }
        if (host.endsWith("rebind.test")) {
            return new InetAddress[] {connecting ? loopback : publicAddress};
        }
        return InetAddress.getAllByName(host);
    }

    private static Farm farm(EngineMode engine) {
        String originUrl = "http://127.0.0.1:" + origin.getAddress().getPort();
        FarmConfig config = FarmConfig.defaults()
                .withAllowedOrigin(originUrl)
                .withPrivateAddressException("127.0.0.1:" + origin.getAddress().getPort())
                .withEngine(engine)
                .withPoolSize(1)
                .withRenderTimeout(BUDGET)
                .withCacheMaxBytes(0);
        for (String scheme : new String[] {"http", "https"}) {
            for (String name : new String[] {"rebind.test", "socket.rebind.test", "both.test"}) {
                config = config.withAllowedOrigin(scheme + "://" + name + ":" + canary.port());
            }
        }
        return Farm.create(config, (AddressGuard.HostResolver) EgressRebindingIT::resolve).start();
    }

    private static void assumeEngine(EngineMode engine) {
        Assumptions.assumeTrue(engine != EngineMode.CHROMIUM || ChromiumBrowser.findExecutable().isPresent(),
                "no Chromium executable found: the Chromium case is skipped");
    }

    @ParameterizedTest
    @EnumSource(value = EngineMode.class, names = {"HTMLUNIT", "CHROMIUM"})
    void pageWhoseNameRebindsToLoopback_isRefusedByTheEgressProxy(EngineMode engine) {
        assumeEngine(engine);
        Farm farm = farm(engine);
        try {
            HttpResponse<String> response = new FarmClient(farm.port())
                    .render("http://rebind.test:" + canary.port() + "/");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("X-Rendergate-Reason")).hasValue("egress-refused");
            assertThat(refused(farm, "private-address:loopback")).isPositive();
        } finally {
            farm.stop();
        }
        assertThat(canary.connections()).as("connections to the canary").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = EngineMode.class, names = {"HTMLUNIT", "CHROMIUM"})
    void everySubrequestToARebindingName_isRefused_whileThePageRenders(EngineMode engine) {
        assumeEngine(engine);
        resolvedByTheProxy.clear();
        Farm farm = farm(engine);
        try {
            HttpResponse<String> response = new FarmClient(farm.port())
                    .render("http://127.0.0.1:" + origin.getAddress().getPort() + "/reaching-out.html");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("rendered");
            // The origin is on loopback: its own requests went through the proxy too (nothing bypasses it).
            assertThat(requests(farm, "http", "forwarded")).isPositive();
            assertThat(refused(farm, "private-address:loopback")).isPositive();
            // both.test shows a loopback answer to the engines' own gates already, which refuse it before the proxy
            // sees it (EgressProxyTest covers the proxy's own refusal); rebind.test passes them and reaches the proxy.
            assertThat(resolvedByTheProxy).as("names the egress proxy looked up").contains("rebind.test");
            if (engine == EngineMode.CHROMIUM) {
                // HtmlUnit has WebSockets off; Chromium's go through the proxy too (its request gate never sees them).
                assertThat(resolvedByTheProxy).contains("socket.rebind.test");
            }
        } finally {
            farm.stop();
        }
        assertThat(canary.connections()).as("connections to the canary").isZero();
    }

    private static double refused(Farm farm, String reason) {
        return farm.prerenderer().metrics().count("rendergate_egress_refused", "reason", reason);
    }

    private static double requests(Farm farm, String kind, String outcome) {
        Matcher m = Pattern.compile("rendergate_egress_requests_total\\{kind=\"" + kind + "\",outcome=\"" + outcome
                + "\",?\\} (\\S+)").matcher(farm.prerenderer().metrics().scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
