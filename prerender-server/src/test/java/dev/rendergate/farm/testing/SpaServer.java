package dev.rendergate.farm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the sample SPA ({@code static-site/site}) on 127.0.0.1:0 the way a static host with an SPA fallback
 * does: files as they are, extension-less paths get {@code index.html}.
 */
public final class SpaServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript", "css", "text/css", "json", "application/json", "svg", "image/svg+xml",
            "xml", "application/xml", "txt", "text/plain");
    private final Path root;
    private final boolean cors;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    private SpaServer(Path root, boolean cors) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.cors = cors;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The sample site, seen from the module directory (tests) or the repository root (a run by hand). */
    public static Path sampleSite() {
        Path fromModule = Path.of("..", "static-site", "site");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("static-site", "site");
    }

    public static SpaServer start(Path root) throws IOException {
        return new SpaServer(root, false);
    }

    /** A server that lets pages of any origin read its answers ({@code Access-Control-Allow-Origin: *}), as an API does. */
    public static SpaServer startWithCors(Path root) throws IOException {
        return new SpaServer(root, true);
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (cors) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Accept");
            }
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (!file.startsWith(root)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (Files.isDirectory(file) || !name.contains(".")) {
                file = root.resolve("index.html");
                name = "index.html";
            }
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
