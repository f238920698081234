package dev.rendergate.farm.http;

import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.freshness.FreshnessRoutes;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Undertow server of one farm node: routes, cache hits answered on the I/O threads, everything that may block
 * dispatched to workers, failure mapping.
 */
public final class FarmHttpServer {
    private final Farm farm;
    private final FarmConfig config;
    private final RenderHandler renders;
    private final FreshnessRoutes freshness;
    private Undertow server;

    public FarmHttpServer(Farm farm, FarmConfig config) {
        this.farm = farm;
        this.config = config;
        this.renders = new RenderHandler(farm, new TokenCheck(config.token()));
        this.freshness = new FreshnessRoutes(farm, config, new TokenCheck(config.token())::accepts);
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException naming the address when it cannot be bound (port in use)
     */
    public synchronized void start() {
        // Renders block a worker thread for their whole duration; enough workers for every engine and queued job.
        int workers = Math.min(512, config.poolSize() + config.queueSize() + 8);
        Undertow built = Undertow.builder()
                .addHttpListener(config.port(), config.bindHost())
                .setWorkerThreads(workers)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
                .setHandler(this::route)
                .build();
        try {
            built.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot bind the farm to " + config.bindHost() + ":" + config.port()
                    + " (port in use?): " + e.getMessage(), e);
        }
        server = built;
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("farm not started");
        }
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void route(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            if (answeredOnIoThread(exchange)) {
                return;
            }
            exchange.dispatch((HttpHandler) this::route);
            return;
        }
        try {
            switch (exchange.getRequestPath()) {
                case "/health" -> text(exchange, 200, "ok\n");
                case "/ready" -> {
                    boolean ready = farm.ready();
                    text(exchange, ready ? 200 : 503, ready ? "ready\n" : "not ready\n");
                }
                case "/metrics" -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    exchange.getResponseSender().send(farm.metrics().scrape(), StandardCharsets.UTF_8);
                }
                case "/recache", "/cache", "/cache/status" -> freshness.handleRequest(exchange);
                default -> renders.handleRequest(exchange);
            }
        } catch (RuntimeException e) {
            FailureResponses.send(exchange, e, farm.metrics());
        }
    }

    /**
     * Cache hits and liveness are answered where they arrive: neither blocks, and a hand-off to a worker
     * thread would cost more than the answer. Everything else may block (renders, Redis, engines) and goes to
     * a worker.
     */
    private boolean answeredOnIoThread(HttpServerExchange exchange) {
        try {
            return switch (exchange.getRequestPath()) {
                case "/health" -> {
                    text(exchange, 200, "ok\n");
                    yield true;
                }
                case "/ready", "/metrics", "/recache", "/cache", "/cache/status" -> false;
                default -> renders.answerFromCache(exchange);
            };
        } catch (RuntimeException e) {
            FailureResponses.send(exchange, e, farm.metrics());
            return true;
        }
    }

    private static void text(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
