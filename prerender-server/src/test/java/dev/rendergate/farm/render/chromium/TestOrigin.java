package dev.rendergate.farm.render.chromium;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP origin on 127.0.0.1 and an ephemeral port serving the pages under
 * {@code src/test/resources/chromium/}, counting hits per path and remembering request headers.
 * A few paths behave specially: {@code /missing} answers 404, {@code /old} redirects with 301,
 * and OPTIONS (a CORS preflight) is refused with 405, as by many APIs.
 */
final class TestOrigin implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> lastXPrerender = new ConcurrentHashMap<>();
    private volatile String canaryBase = "http://127.0.0.1:9";
    private volatile String apiBase = "http://127.0.0.1:9";

    TestOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-origin");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The base URL substituted for {@code CANARY} in the served pages. */
    void canaryBase(String base) {
        canaryBase = base;
    }

    /**
     * The base URL substituted for {@code API_BASE} in the served pages; {@code FRAME_BASE} is the same
     * server named {@code localhost}, another site, so a frame from it runs in a process of its own.
     */
    void apiBase(String base) {
        apiBase = base;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    String xPrerenderHeader(String path) {
        return lastXPrerender.get(path);
    }

    /** Only requests to this origin pass. */
    boolean allows(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) && uri.getPort() == port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(exchange.getRequestMethod().equals("OPTIONS") ? "OPTIONS " + path : path,
                p -> new AtomicInteger()).incrementAndGet();
        String marker = exchange.getRequestHeaders().getFirst("X-Prerender");
        if (marker != null) {
            lastXPrerender.put(path, marker);
        }
        try (exchange) {
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                // Like many APIs: no preflight support, so a preflighted request fails.
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (path.equals("/old")) {
                exchange.getResponseHeaders().add("Location", uri("/viewport.html").toString());
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String name = path.equals("/missing") ? "not-found.html"
                    : path.equals("/api/doctors.json") ? "doctors.json" : path.substring(1);
            byte[] body = resource(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", name.endsWith(".json") ? "application/json"
                    : name.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("X-Origin-Header", "kept");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(path.equals("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] resource(String name) throws IOException {
        if (name.isEmpty() || name.contains("..") || name.contains("/")) {
            return null;
        }
        try (InputStream in = TestOrigin.class.getResourceAsStream("/chromium/" + name)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("CANARY", canaryBase).replace("API_BASE", apiBase)
                    .replace("FRAME_BASE", apiBase.replace("127.0.0.1", "localhost")).getBytes(StandardCharsets.UTF_8);
        }
    }
}
