package dev.rendergate.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * A loopback HTTP origin that records every request it gets (raw path, query, headers): {@code /index.html}
 * is a small shell, {@code /broken.js} answers 500, {@code /slow.bin} sends 10 x 1000 bytes 150 ms apart,
 * {@code /stall.bin} sends 100 bytes and then nothing until closed, anything else 200 with its own path
 * as the body.
 */
final class RecordingOrigin implements AutoCloseable {

    static final String SHELL = "<html><body>recorded shell</body></html>";

    /** One request as the origin saw it. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CountDownLatch closed = new CountDownLatch(1);

    RecordingOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()),
                            (a, b) -> a));
            seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers));
            String path = uri.getRawPath();
            if (path.endsWith("/slow.bin") || path.endsWith("/stall.bin")) {
                trickle(exchange, path.endsWith("/slow.bin"));
                return;
            }
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
        server.setExecutor(threads);
        server.start();
    }

    private void trickle(HttpExchange exchange, boolean keepGoing) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < (keepGoing ? 10 : 1); i++) {
                out.write(new byte[keepGoing ? 1000 : 100]);
                out.flush();
                LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
            }
            if (!keepGoing) {
                closed.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri(String prefix) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
