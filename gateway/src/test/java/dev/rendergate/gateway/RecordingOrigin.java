package dev.rendergate.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A loopback HTTP origin that records every request it gets (raw path, query, headers): {@code /index.html}
 * is a small shell, {@code /broken.js} answers 500, anything else 200 with its own path as the body.
 */
final class RecordingOrigin implements AutoCloseable {

    static final String SHELL = "<html><body>recorded shell</body></html>";

    /** One request as the origin saw it. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()),
                            (a, b) -> a));
            seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers));
            String path = uri.getRawPath();
            int status = path.endsWith("/broken.js") ? 500 : 200;
            String body = path.endsWith("/index.html") ? SHELL : status == 500 ? "boom" : "ORIGIN " + path;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain");
            exchange.getResponseHeaders().set("X-Rendergate-Reason", "spoofed-by-origin");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI uri(String prefix) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
