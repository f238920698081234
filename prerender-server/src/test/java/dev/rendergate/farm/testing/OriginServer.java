package dev.rendergate.farm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real origin on 127.0.0.1:0 serving the test pages under {@code src/test/resources/site/}, plus a few routes
 * that need a server: {@code /boom} (500), {@code /old} (302 to /basic.html), {@code /api/slow?ms=N} (answers after
 * N ms, at most 5 s), {@code /ua} (echoes the User-Agent and X-Prerender headers).
 */
public final class OriginServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String lastUserAgent;
    private volatile String lastPrerenderHeader;

    private OriginServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static OriginServer start() throws IOException {
        return new OriginServer();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    public URI url(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    public int requests() {
        return requests.get();
    }

    public String lastUserAgent() {
        return lastUserAgent;
    }

    public String lastPrerenderHeader() {
        return lastPrerenderHeader;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        lastUserAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        lastPrerenderHeader = exchange.getRequestHeaders().getFirst("X-Prerender");
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            switch (path) {
                case "/boom" -> send(exchange, 500, "text/html", resource("boom.html"));
                case "/old" -> {
                    exchange.getResponseHeaders().add("Location", "/basic.html");
                    exchange.getResponseHeaders().add("Set-Cookie", "tracking=1");
                    send(exchange, 302, "text/html", "<html><body>moved</body></html>".getBytes(StandardCharsets.UTF_8));
                }
                case "/api/slow" -> {
                    slow(exchange.getRequestURI().getQuery());
                    send(exchange, 200, "application/json", resource("api/slow.json"));
                }
                default -> serveFile(exchange, path);
            }
        }
    }

    private static void slow(String query) {
        long ms = query != null && query.startsWith("ms=") ? Math.min(5000, Long.parseLong(query.substring(3))) : 500;
        try {
            TimeUnit.MILLISECONDS.sleep(ms); // simulates a slow backend, it is the behaviour under test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        String name = path.equals("/") ? "basic.html" : path.substring(1);
        byte[] body = name.contains("..") ? null : resource(name);
        if (body == null) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, contentType(name), body);
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript";
        }
        return name.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OriginServer.class.getResourceAsStream("/site/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
