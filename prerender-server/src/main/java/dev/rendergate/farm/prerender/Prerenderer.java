package dev.rendergate.farm.prerender;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.CacheLookup;
import dev.rendergate.farm.cache.KeyRules;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.cache.SnapshotCache;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.guard.UrlGuard;
import dev.rendergate.farm.limit.MissRateLimit;
import dev.rendergate.farm.limit.MissRateLimitedException;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.RenderJob;
import dev.rendergate.farm.render.RenderOutcome;
import dev.rendergate.farm.render.RenderPipeline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders pages for crawlers through the URL guard, the snapshot cache and the engine pipeline: what every
 * route of the farm (render API, freshness API, inspector) and the {@code render} command call. Knows nothing
 * of HTTP.
 *
 * <p>A page is looked up and rendered as its cache key's URL: only the site's allowed query parameters, no
 * tracking parameters, no fragment ({@link KeyRules}). Renders of cache misses are charged to the client that
 * caused them ({@link MissRateLimit}).
 */
public final class Prerenderer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Prerenderer.class);

    private final UrlGuard guard;
    private final RenderPipeline pipeline;
    private final SnapshotCache cache;
    private final KeyRules keyRules;
    private final MissRateLimit missLimit;
    private final FarmMetrics metrics;
    private final Duration renderTimeout;
    private final RenderListener listener;
    private volatile boolean stopped;

    /**
     * @param guard         decides which URLs may be rendered
     * @param pipeline      the engines
     * @param cache         the snapshot cache, or null when caching is off
     * @param keyRules      how URLs fold into keys and so which URL is rendered (the cache's own, when there is one)
     * @param missLimit     how many renders of cache misses one client may cause
     * @param metrics       the node's metrics
     * @param renderTimeout hard budget of one render
     * @param listener      told about every rendered page
     */
    public Prerenderer(UrlGuard guard, RenderPipeline pipeline, SnapshotCache cache, KeyRules keyRules,
                       MissRateLimit missLimit, FarmMetrics metrics, Duration renderTimeout, RenderListener listener) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.cache = cache;
        this.keyRules = cache != null ? cache.keyRules() : Objects.requireNonNull(keyRules, "keyRules");
        this.missLimit = Objects.requireNonNull(missLimit, "missLimit");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.renderTimeout = Objects.requireNonNull(renderTimeout, "renderTimeout");
        this.listener = Objects.requireNonNull(listener, "listener");
        metrics.missLimitAddresses(this.missLimit::trackedAddresses);
        if (cache != null && cache.l2Enabled()) {
            metrics.sharedCache(cache::l2Available, () -> cache.stats().l2Errors());
        }
    }

    /**
     * Renders {@code url} for {@code device} through the guard and the cache, exactly as the HTTP API does, for no
     * client in particular (no miss limit: the {@code render} command, warm-ups).
     *
     * @throws dev.rendergate.farm.guard.RejectedRequestException       for a URL that may not be rendered
     * @throws dev.rendergate.farm.render.PoolSaturatedException when every engine is busy and the queue is full
     */
    public RenderResult render(URI url, Device device) {
        return render(url.toString(), device);
    }

    /** As {@link #render(URI, Device)}, for a raw URL string (checked for length and form first). */
    public RenderResult render(String rawUrl, Device device) {
        return render(rawUrl, device, null);
    }

    /**
     * As {@link #render(String, Device)}, charging a render of a cache miss to {@code client}.
     *
     * @param client the client's key ({@link dev.rendergate.farm.limit.ClientAddress}), or null for no limit
     * @throws MissRateLimitedException when the page must be rendered and {@code client} has no renders left
     */
    public RenderResult render(String rawUrl, Device device, String client) {
        CacheKey key = keyOf(guard.admit(rawUrl), device);
        long start = System.nanoTime();
        RenderResult result = cache == null ? uncached(key, client) : cached(key, client);
        logRequest(key.uri(), device, result, start);
        return result;
    }

    /**
     * The fresh cached snapshot for {@code rawUrl} and {@code device}, or empty when it is not in this node's
     * memory tier (or is stale) and needs {@link #render(String, Device)}. Never blocks, renders or resolves a
     * name, so the HTTP server answers hits on its I/O threads. The URL passes the same syntactic checks as a
     * render; the address check is left to the render that put the snapshot there.
     *
     * @throws dev.rendergate.farm.guard.RejectedRequestException for a URL that may not be rendered
     */
    public Optional<RenderResult> cachedHit(String rawUrl, Device device) {
        if (cache == null) {
            return Optional.empty();
        }
        CacheKey key = keyOf(guard.admit(rawUrl), device);
        long start = System.nanoTime();
        Optional<CacheLookup> lookup = cache.peekFresh(key);
        if (lookup.isEmpty()) {
            return Optional.empty();
        }
        metrics.cache("hit");
        RenderResult result = fromSnapshot(lookup.get().snapshot(), "HIT");
        logRequest(key.uri(), device, result, start);
        return Optional.of(result);
    }

    /**
     * Renders {@code url} for {@code device} now and replaces its cached snapshot (recache), sharing a render
     * already running for it; a failed render leaves the cached snapshot in place. Without a cache it is a
     * plain render.
     *
     * @throws dev.rendergate.farm.guard.RejectedRequestException for a URL that may not be rendered
     */
    public RenderResult recache(URI url, Device device) {
        CacheKey key = keyOf(guard.admit(url.toString()), device);
        if (cache == null) {
            return uncached(key, null);
        }
        try {
            CacheLookup lookup = cache.refresh(key, this::renderSnapshot);
            return fromSnapshot(lookup.snapshot(), lookup.outcome().name());
        } catch (RenderFailedException e) {
            return failed(e);
        }
    }

    /**
     * What the node works without now, for {@code /ready}: Chromium missing, down or dead; the shared cache (Redis)
     * down. Empty when nothing is.
     */
    public Optional<String> degraded() {
        Optional<String> engines = pipeline.degraded();
        if (cache == null || !cache.l2Enabled() || cache.l2Available()) {
            return engines;
        }
        String redis = "shared cache (Redis) down: serving from this node's memory and renders, reconnecting";
        return Optional.of(engines.map(e -> e + "; " + redis).orElse(redis));
    }

    /** True when engines are up and a render would not be refused. */
    public boolean ready() {
        return !stopped && pipeline.ready();
    }

    /** The node's metrics. */
    public FarmMetrics metrics() {
        return metrics;
    }

    /** How URLs fold into keys on this node, and so which URL of a page is rendered. */
    public KeyRules keyRules() {
        return keyRules;
    }

    /** The node's snapshot cache, or null when caching is off (for invalidation endpoints and the CLI). */
    public SnapshotCache cache() {
        return cache;
    }

    /** Refuses new renders, lets running ones finish briefly, closes the engines and the cache. */
    @Override
    public void close() {
        stopped = true;
        pipeline.close();
        if (cache != null) {
            cache.close();
        }
    }

    /** The key of an admitted URL under this node's rules; its URL is the one rendered. */
    private CacheKey keyOf(URI target, Device device) {
        try {
            return CacheKey.of(target, device, keyRules);
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException(400, "bad-url", "not an absolute http(s) URL with a host");
        }
    }

    private RenderResult uncached(CacheKey key, String client) {
        metrics.cache("bypass");
        try {
            admitMiss(client, key);
            // The header keeps its three contract values; the metric says bypass.
            return fromSnapshot(renderSnapshot(key), "MISS");
        } catch (RenderFailedException e) {
            return failed(e);
        }
    }

    private RenderResult cached(CacheKey key, String client) {
        try {
            CacheLookup lookup = cache.get(key, k -> {
                admitMiss(client, k);
                return renderSnapshot(k);
            });
            String outcome = lookup.outcome().name();
            metrics.cache(outcome.toLowerCase(Locale.ROOT));
            return fromSnapshot(lookup.snapshot(), outcome);
        } catch (RenderFailedException e) {
            metrics.cache("miss");
            return failed(e);
        }
    }

    private void logRequest(URI target, Device device, RenderResult result, long startNanos) {
        if (LOG.isInfoEnabled()) {
            long ms = (System.nanoTime() - startNanos) / 1_000_000;
            // Fields as key-value pairs so the JSON log format makes each one a field of its own.
            LOG.atInfo()
                    .addKeyValue("event", "render")
                    .addKeyValue("url", target)
                    .addKeyValue("device", device.label())
                    .addKeyValue("status", result.status())
                    .addKeyValue("ms", ms)
                    .addKeyValue("cache", result.cache())
                    .addKeyValue("engine", result.engine())
                    .addKeyValue("reason", result.reason() == null ? "-" : result.reason())
                    .log("render {} {} {}ms", target, result.status(), ms);
        }
    }

    /**
     * Charges a render to {@code client}, refusing it when the client's bucket is empty. Called only where a render
     * is about to start, so hits, stale answers and snapshots from the shared tier cost nothing. A refusal fails
     * every request that joined this render; they may retry at once, since their own buckets were not charged.
     */
    private void admitMiss(String client, CacheKey key) {
        if (client == null) {
            return;
        }
        MissRateLimit.Admission admission = missLimit.admit(client);
        if (admission.allowed()) {
            return;
        }
        metrics.missRateLimited();
        if (admission.worthLogging()) {
            LOG.atWarn().addKeyValue("event", "miss-rate-limited").addKeyValue("client", client)
                    .addKeyValue("url", key.url()).addKeyValue("retry_after_s", admission.retryAfterSeconds())
                    .log("renders of uncached pages limited for {} (first refusal this minute, at {})", client,
                            key.url());
        }
        throw new MissRateLimitedException(client, admission.retryAfterSeconds());
    }

    /**
     * Renders the key's own URL now (never the raw one it was folded from). The resolved-address (SSRF) check runs
     * here, on every miss, just before the engine does.
     */
    private Snapshot renderSnapshot(CacheKey key) {
        URI target = key.uri();
        Device device = key.device();
        guard.checkAddress(target);
        RenderJob job = RenderJob.of(target, device, renderTimeout);
        RenderOutcome outcome = pipeline.render(job);
        long ms = job.elapsedMillis();
        metrics.render(outcome.engine(), outcome instanceof RenderOutcome.Rendered ? "ok"
                : ((RenderOutcome.Failed) outcome).timedOut() ? "timeout" : "failed",
                Duration.ofMillis(ms));
        if (outcome instanceof RenderOutcome.Failed f) {
            LOG.atInfo().addKeyValue("event", "render-failed").addKeyValue("url", target)
                    .addKeyValue("device", device.label()).addKeyValue("engine", f.engine())
                    .addKeyValue("reason", f.reason().code()).addKeyValue("detail", f.detail()).addKeyValue("ms", ms)
                    .log("render of {} failed: {} {}", target, f.reason().code(), f.detail());
            throw new RenderFailedException(f, ms);
        }
        RenderOutcome.Rendered r = (RenderOutcome.Rendered) outcome;
        Snapshot snapshot = new Snapshot(r.status(), r.headers(), r.html(), r.engine(), ms, Instant.now());
        tell(key, snapshot);
        return snapshot;
    }

    private void tell(CacheKey key, Snapshot snapshot) {
        try {
            listener.rendered(key, snapshot);
        } catch (RuntimeException e) {
            LOG.warn("event=render-listener-failed url={} error={}", key.url(), e.toString());
        }
    }

    private static RenderResult fromSnapshot(Snapshot s, String cacheOutcome) {
        return new RenderResult(s.status(), s.body(), s.headers(), s.engine(), cacheOutcome, s.renderMillis(), null);
    }

    private static RenderResult failed(RenderFailedException e) {
        RenderOutcome.Failed f = e.failure();
        String body = "render failed: " + f.reason().code() + ": " + f.reason().message() + "\n";
        return new RenderResult(f.status(), body, Map.of(), f.engine(), "MISS", e.millis(), f.reason().code());
    }
}
