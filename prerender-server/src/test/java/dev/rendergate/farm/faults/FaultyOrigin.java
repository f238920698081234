package dev.rendergate.farm.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An origin on a fixed loopback port that can be switched between answering, answering its headers only after
 * 20 s, answering 500, and being down (nothing listening on the port), and back.
 */
final class FaultyOrigin implements AutoCloseable {
    enum Mode { OK, SLOW, ERROR }

    /** How long a slow answer holds its headers back. */
    static final long SLOW_MILLIS = 20_000;

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private volatile CountDownLatch slowRelease = new CountDownLatch(1);
    private volatile Mode mode = Mode.OK;
    private HttpServer server;
    private int boundPort;

    private FaultyOrigin() {
    }

    static FaultyOrigin start() throws IOException {
        FaultyOrigin origin = new FaultyOrigin();
        origin.up();
        return origin;
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    synchronized int port() {
        return boundPort;
    }

    void mode(Mode value) {
        if (value != Mode.SLOW) {
            slowRelease.countDown();
            slowRelease = new CountDownLatch(1);
        }
        mode = value;
    }

    /** Stops listening: connections to the port are refused. */
    synchronized void down() {
        server.stop(0);
        server = null;
    }

    /** Listens again, on the same port as before. */
    synchronized void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", boundPort), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        boundPort = server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        slowRelease.countDown();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (mode) {
                case SLOW -> {
                    awaitQuietly(slowRelease, SLOW_MILLIS);
                    send(exchange, 200, page(exchange, "late"));
                }
                case ERROR -> send(exchange, 500, "<html><body><h1>Internal Server Error</h1></body></html>");
                default -> send(exchange, 200, page(exchange, "v1"));
            }
        }
    }

    private static String page(HttpExchange exchange, String version) {
        return "<!DOCTYPE html><html><head><title>Page " + exchange.getRequestURI().getPath() + "</title></head>"
                + "<body><div id=\"app\"></div><script>document.getElementById('app').innerHTML = "
                + "'<p id=\"content\">Content " + version + "</p>';</script></body></html>";
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            // The fault under test: an origin that holds its headers back (released early when the test ends).
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
