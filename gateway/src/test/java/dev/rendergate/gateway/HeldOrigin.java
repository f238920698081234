package dev.rendergate.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback service that reads each request's body and then holds its answer until {@link #release()} (at most
 * 5 s), so a test can keep requests in flight at the gateway; it answers 200 with the body's size.
 */
final class HeldOrigin implements AutoCloseable {

    /** The size of each request body the service read, in arrival order. */
    final List<Integer> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            int size = exchange.getRequestBody().readAllBytes().length;
            bodies.add(size);
            try {
                released.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = ("read " + size).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(out);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** Awaits (at most 5 s) until the service has read {@code count} requests. */
    void awaitRequests(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bodies.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Lets every held answer, and every later one, go. */
    void release() {
        released.countDown();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
