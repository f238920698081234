package dev.rendergate.farm.http;

import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.prerender.Prerenderer;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Undertow server of one farm node: routes, cache hits answered on the I/O threads, everything that may block
 * dispatched to workers, failure mapping. {@code /health} and {@code /ready} are open (load balancers ask them);
 * {@code /metrics} needs the token like the API, as {@code X-Prerender-Token} or {@code Authorization: Bearer}.
 */
public final class FarmHttpServer {
    private final Prerenderer farm;
    private final FarmConfig config;
    private final RenderHandler renders;
    private final List<FarmRoute> routes;
    private final TokenCheck tokens;
    private Undertow server;

    /**
     * @param farm   renders for the render API
     * @param config port, bind address and pool sizes
     * @param tokens the render API's token check
     * @param routes the other routes, asked in order before the render API
     */
    public FarmHttpServer(Prerenderer farm, FarmConfig config, TokenCheck tokens, List<FarmRoute> routes) {
        this.farm = farm;
        this.config = config;
        this.tokens = tokens;
        this.renders = new RenderHandler(farm, tokens);
        this.routes = List.copyOf(routes);
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
            FarmRoute route = routeFor(exchange.getRequestPath());
            if (route != null) {
                route.handleRequest(exchange);
                return;
            }
            switch (exchange.getRequestPath()) {
                case "/health" -> text(exchange, 200, "ok\n");
                case "/ready" -> {
                    boolean ready = farm.ready();
                    String degraded = farm.degraded().map(d -> "degraded: " + d + "\n").orElse("");
                    text(exchange, ready ? 200 : 503, (ready ? "ready\n" : "not ready\n") + degraded);
                }
                case "/metrics" -> {
                    // Error reasons, hosts' load and the queue are not for anyone who reaches the port.
                    if (!tokens.accepts(TokenCheck.presented(exchange))) {
                        throw new UnauthorizedException();
                    }
                    MetricsListener.send(exchange, farm.metrics().scrape());
                }
                default -> renders.handleRequest(exchange);
            }
        } catch (Exception e) {
            FailureResponses.send(exchange, e, farm.metrics());
        }
    }

    private FarmRoute routeFor(String path) {
        for (FarmRoute route : routes) {
            if (route.handles(path)) {
                return route;
            }
        }
        return null;
    }

    /**
     * Cache hits and liveness are answered where they arrive: neither blocks, and a hand-off to a worker
     * thread would cost more than the answer. Everything else may block (renders, Redis, engines) and goes to
     * a worker.
     */
    private boolean answeredOnIoThread(HttpServerExchange exchange) {
        try {
            String path = exchange.getRequestPath();
            if (routeFor(path) != null) {
                return false;
            }
            return switch (path) {
                case "/health" -> {
                    text(exchange, 200, "ok\n");
                    yield true;
                }
                case "/ready", "/metrics" -> false;
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
