package dev.rendergate.farm.render.chromium;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a single-page app's folder on 127.0.0.1 and an ephemeral port, the way its CDN would: files
 * by path, and {@code index.html} for a route without a file extension.
 */
final class StaticSiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "application/javascript", "css", "text/css",
            "json", "application/json", "svg", "image/svg+xml", "xml", "application/xml", "txt", "text/plain");

    private final Path root;
    private final HttpServer server;

    StaticSiteServer(Path root) throws IOException {
        this.root = root.toRealPath();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** An egress proxy that lets renders reach this server. */
    dev.rendergate.farm.egress.EgressProxy egress() {
        return dev.rendergate.farm.testing.TestEgress.allowing("http://127.0.0.1:" + server.getAddress().getPort());
    }

    boolean allows(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) && uri.getPort() == server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            Path file = last.contains(".") ? root.resolve(path.substring(1)).normalize() : root.resolve("index.html");
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
