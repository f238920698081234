package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.http.FarmJson;
import dev.rendergate.farm.http.FarmRoute;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's freshness API, all behind the {@code X-Prerender-Token}: {@code POST /recache} (re-render and
 * replace), {@code DELETE /cache?url=|prefix=|all=true} (invalidate) and
 * {@code GET /cache/status?url=&device=} (fresh, stale or missing in this node's or the shared tier, and the
 * snapshot's build id, without rendering). Answers JSON; must
 * run off the IO threads (bodies are read blocking, bounded to {@value #MAX_BODY_BYTES} bytes).
 */
public final class FreshnessRoutes implements FarmRoute {
    private static final Logger LOG = LoggerFactory.getLogger(FreshnessRoutes.class);
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final HttpString TOKEN = HttpString.tryFromString("X-Prerender-Token");
    /**
     * Recache requests admitted at once per node (their renders share one small pool); one more waits up
     * to {@link #ADMISSION_WAIT} for a place, then answers 503 so callers cannot pile up without bound.
     */
    private static final int CONCURRENT_REQUESTS = 16;
    private static final Duration ADMISSION_WAIT = Duration.ofSeconds(30);

    private final Prerenderer farm;
    private final FarmConfig config;
    private final Predicate<String> tokens;
    private final Semaphore recacheSlots = new Semaphore(CONCURRENT_REQUESTS);
    private volatile Recacher recacher;

    /**
     * @param farm   the node whose cache is operated on
     * @param config its configuration (TTL, pool size and render budget)
     * @param tokens accepts the presented {@code X-Prerender-Token} (the same check the render API uses)
     */
    public FreshnessRoutes(Prerenderer farm, FarmConfig config, Predicate<String> tokens) {
        this.farm = farm;
        this.config = config;
        this.tokens = tokens;
    }

    @Override
    public boolean handles(String path) {
        return path.equals("/recache") || path.equals("/cache") || path.equals("/cache/status");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!tokens.test(exchange.getRequestHeaders().getFirst(TOKEN))) {
            FarmJson.fail(exchange, 401, "unauthorized", "missing or wrong X-Prerender-Token");
            return;
        }
        if (farm.cache() == null) {
            FarmJson.fail(exchange, 409, "cache-disabled", "this farm node does not cache snapshots");
            return;
        }
        String path = exchange.getRequestPath();
        HttpString method = exchange.getRequestMethod();
        try {
            if (path.equals("/recache") && method.equals(Methods.POST)) {
                recache(exchange);
            } else if (path.equals("/cache") && method.equals(Methods.DELETE)) {
                invalidate(exchange);
            } else if (path.equals("/cache/status") && (method.equals(Methods.GET) || method.equals(Methods.HEAD))) {
                status(exchange);
            } else {
                exchange.getResponseHeaders().put(Headers.ALLOW, path.equals("/recache") ? "POST"
                        : path.equals("/cache") ? "DELETE" : "GET, HEAD");
                FarmJson.fail(exchange, 405, "method-not-allowed", method + " is not allowed on " + path);
            }
        } catch (IllegalArgumentException e) {
            FarmJson.fail(exchange, 400, "bad-request", e.getMessage());
        } catch (IOException e) {
            FarmJson.fail(exchange, 400, "bad-body", "the request body could not be read: " + e.getMessage());
        }
    }

    private void recache(HttpServerExchange exchange) throws IOException {
        byte[] body = readBody(exchange);
        if (body == null) {
            FarmJson.fail(exchange, 413, "body-too-large", "the body may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        RecacheRequest request = RecacheRequest.parse(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                new String(body, StandardCharsets.UTF_8));
        if (!admitted()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
            FarmJson.fail(exchange, 503, "recache-busy", CONCURRENT_REQUESTS + " recache requests are already running");
            return;
        }
        long start = System.nanoTime();
        try {
            RecacheSummary summary = recacher().run(request);
            LOG.info("event=recache urls={} prefix={} build={} recached={} invalidated={} failed={} ms={}",
                    request.urls().size(), request.prefix() == null ? "-" : request.prefix(),
                    request.buildId() == null ? "-" : request.buildId(), summary.recached(),
                    summary.invalidated(), summary.failed().size(), (System.nanoTime() - start) / 1_000_000);
            FarmJson.send(exchange, 200, summary);
        } finally {
            recacheSlots.release();
        }
    }

    private void invalidate(HttpServerExchange exchange) {
        String url = param(exchange, "url");
        String prefix = param(exchange, "prefix");
        boolean all = "true".equalsIgnoreCase(param(exchange, "all"));
        if ((url != null ? 1 : 0) + (prefix != null ? 1 : 0) + (all ? 1 : 0) != 1) {
            throw new IllegalArgumentException("give exactly one of url=, prefix= or all=true");
        }
        FarmFreshness freshness = freshness();
        long invalidated;
        if (url != null) {
            URI target = URI.create(url.trim());
            String deviceLabel = param(exchange, "device");
            invalidated = 0;
            for (Device device : Device.values()) {
                if (deviceLabel == null || RecacheRequest.device(deviceLabel) == device) {
                    invalidated += freshness.invalidate(target, device) ? 1 : 0;
                }
            }
        } else {
            invalidated = prefix != null ? freshness.invalidatePrefix(prefix) : freshness.invalidateAll();
        }
        LOG.info("event=invalidate url={} prefix={} all={} invalidated={}", url == null ? "-" : url,
                prefix == null ? "-" : prefix, all, invalidated);
        FarmJson.send(exchange, 200, Map.of("invalidated", invalidated));
    }

    private void status(HttpServerExchange exchange) {
        String url = param(exchange, "url");
        if (url == null) {
            throw new IllegalArgumentException("url= is required");
        }
        Device device = RecacheRequest.device(param(exchange, "device"));
        device = device == null ? Device.DESKTOP : device;
        FarmFreshness freshness = freshness();
        Snapshot snapshot = freshness.snapshot(URI.create(url.trim()), device);
        CacheState state = freshness.stateOf(snapshot);
        FarmJson.send(exchange, 200, new StatusAnswer(url, device.label(), state.label(),
                snapshot == null ? null : snapshot.buildId()));
    }

    private boolean admitted() {
        try {
            return recacheSlots.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private FarmFreshness freshness() {
        return new FarmFreshness(farm, config.cacheTtl(), Clock.systemUTC());
    }

    private Recacher recacher() {
        Recacher r = recacher;
        if (r == null) {
            synchronized (this) {
                if (recacher == null) {
                    int concurrency = Math.max(1, Math.min(4, config.poolSize()));
                    // Long enough for a full request of renders at this concurrency, bounded all the same.
                    Duration deadline = config.renderTimeout().multipliedBy(
                            (RecacheRequest.MAX_URLS * 2L + concurrency - 1) / concurrency).plusSeconds(5);
                    recacher = new Recacher(freshness(), concurrency, deadline.compareTo(Duration.ofMinutes(30)) > 0
                            ? Duration.ofMinutes(30) : deadline);
                }
                r = recacher;
            }
        }
        return r;
    }

    private static byte[] readBody(HttpServerExchange exchange) throws IOException {
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static String param(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        String value = values == null ? null : values.peekFirst();
        return value == null || value.isBlank() ? null : value;
    }

    /** The answer of {@code GET /cache/status}. */
    record StatusAnswer(String url, String device, String state, String buildId) {
    }
}
