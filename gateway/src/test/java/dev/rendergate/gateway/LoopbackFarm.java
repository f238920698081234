package dev.rendergate.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that answers like the farm's API with a scripted reply and records
 * what the gateway sent; for the failure shapes the real farm cannot be made to produce on demand.
 */
final class LoopbackFarm implements AutoCloseable {

    /** One request as the farm saw it. */
    record Seen(String uri, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(List.of());
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** A scripted answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply html(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8", "X-Rendergate-Cache", "HIT"), body);
        }
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<Function<Seen, Reply>> script = new AtomicReference<>(s -> Reply.html(200, "<html>rendered</html>"));
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch streaming = new CountDownLatch(1);
    final AtomicReference<Throwable> streamError = new AtomicReference<>();

    LoopbackFarm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void script(Function<Seen, Reply> reply) {
        script.set(reply);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Seen request = new Seen(exchange.getRequestURI().toString(), exchange.getRequestHeaders());
        seen.add(request);
        if (request.uri().contains("stream-forever")) {
            streamUntilBroken(exchange);
            return;
        }
        if (request.uri().contains("wait-for-release")) {
            await(release);
        }
        Reply reply = script.get().apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Writes chunks until the gateway stops reading (it must cancel when its viewer goes away). */
    private void streamUntilBroken(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>streamed paragraph</p>\n".repeat(400).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                out.flush();
                streaming.countDown();
            }
        } catch (IOException e) {
            streamError.set(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A port where nothing listens. */
    static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** A server that accepts connections and never answers. */
    static final class Silent implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Silent() throws IOException {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-farm");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
