package dev.rendergate.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A static file server for the site folder on 127.0.0.1 and an ephemeral port, with the SPA fallback
 * a real deployment has: a path without a file extension is a client route and gets {@code index.html}.
 */
final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final Path root;
    private final Set<String> failingPaths;
    private final HttpServer server;

    private SiteServer(Path root, Set<String> failingPaths, HttpServer server) {
        this.root = root;
        this.failingPaths = Set.copyOf(failingPaths);
        this.server = server;
    }

    /** The site folder of this module; surefire and failsafe run with the module as working directory. */
    static Path siteRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("site").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalStateException("site folder not found at " + root);
        }
        return root;
    }

    static SiteServer start(Path root) throws IOException {
        return start(root, Set.of());
    }

    /** Like {@link #start(Path)}, but the given paths answer 500, to exercise the app's error page. */
    static SiteServer start(Path root, Set<String> failingPaths) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        SiteServer site = new SiteServer(root, failingPaths, http);
        http.createContext("/", site::handle);
        http.start();
        return site;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (failingPaths.contains(path)) {
                send(exchange, 500, "text/plain; charset=utf-8", "failing on purpose".getBytes());
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0 && !path.startsWith("/api/")) {
                file = root.resolve("index.html");
                dot = "index.html".lastIndexOf('.');
                name = "index.html";
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes());
                return;
            }
            String type = TYPES.getOrDefault(name.substring(dot + 1), "application/octet-stream");
            send(exchange, 200, type, Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
