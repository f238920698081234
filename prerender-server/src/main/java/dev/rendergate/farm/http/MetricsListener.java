package dev.rendergate.farm.http;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The farm's Prometheus text on a listener of its own, without the token, for a scraper on the same host or in
 * the same task (the CloudWatch agent sidecar on ECS): bound to loopback by default, so only what shares the
 * machine's network reaches it; it answers {@code GET /metrics} and nothing else.
 */
public final class MetricsListener implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Undertow server;

    private MetricsListener(Undertow server) {
        this.server = server;
    }

    /**
     * Binds {@code bindHost:port} (0 picks a free port) and serves {@code scrape} at {@code /metrics}.
     *
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public static MetricsListener start(String bindHost, int port, Supplier<String> scrape) {
        Objects.requireNonNull(scrape, "scrape");
        Undertow server = Undertow.builder()
                .addHttpListener(port, bindHost)
                .setIoThreads(1)
                .setWorkerThreads(1)
                .setHandler(exchange -> {
                    boolean get = exchange.getRequestMethod().equals(Methods.GET)
                            || exchange.getRequestMethod().equals(Methods.HEAD);
                    if (get && exchange.getRequestPath().equals("/metrics")) {
                        send(exchange, scrape.get());
                    } else {
                        exchange.setStatusCode(404);
                        exchange.getResponseSender().send("only GET /metrics here\n", StandardCharsets.UTF_8);
                    }
                })
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot bind the farm's metrics listener to " + bindHost + ":" + port
                    + " (port in use?): " + e.getMessage(), e);
        }
        return new MetricsListener(server);
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    static void send(HttpServerExchange exchange, String text) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }
}
