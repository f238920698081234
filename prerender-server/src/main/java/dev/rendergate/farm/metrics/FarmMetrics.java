package dev.rendergate.farm.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Names and records the farm's metrics: requests by outcome, render latency by engine, queue depth, pool
 * recycles, cache lookups, blocked subrequests. Thread-safe.
 */
public final class FarmMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Per-request counters, kept by tag value: a registry lookup builds an id and tag list on every call.
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> cacheLookups = new ConcurrentHashMap<>();
    private final Map<String, Counter> engineRoutes = new ConcurrentHashMap<>();
    private final Map<String, Counter> egressRequests = new ConcurrentHashMap<>();
    private final Counter egressBytes = Counter.builder("rendergate_egress").baseUnit("bytes")
            .description("Bytes the egress proxy relayed for renders").register(registry);
    private volatile Supplier<Number> l2Errors;

    /** Counts one API request by its outcome ({@code rendered}, {@code failed}, {@code rejected}, ...). */
    public void request(String outcome) {
        requests.computeIfAbsent(outcome, o -> Counter.builder("rendergate_requests")
                .description("Render API requests by outcome").tag("outcome", o).register(registry)).increment();
    }

    /** Records one engine render's latency by engine and outcome ({@code ok}, {@code failed}, {@code timeout}). */
    public void render(String engine, String outcome, Duration latency) {
        Timer.builder("rendergate_render").description("Render latency by engine")
                .tag("engine", engine).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(latency);
    }

    /** Counts an engine replaced by the pool ({@code max-renders}, {@code aborted}, {@code error}). */
    public void recycle(String reason) {
        Counter.builder("rendergate_pool_recycles").description("Engines replaced by the pool")
                .tag("reason", reason).register(registry).increment();
    }

    /** Counts one Chromium launch by outcome ({@code ok}, {@code failed}). */
    public void chromiumLaunch(String outcome) {
        Counter.builder("rendergate_chromium_launches").description("Chromium browser launches by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Registers the shared cache tier's state: 1 while Redis answers, 0 while it is down, and its failed commands. */
    public void sharedCache(java.util.function.BooleanSupplier up, Supplier<Number> errors) {
        Gauge.builder("rendergate_cache_l2_up", () -> up.getAsBoolean() ? 1 : 0)
                .description("1 while the shared Redis tier answers, 0 while it is down").register(registry);
        // The counter holds its source weakly: the field keeps it alive as long as the metrics.
        l2Errors = errors;
        io.micrometer.core.instrument.FunctionCounter.builder("rendergate_cache_l2_errors", errors,
                        n -> n.get().doubleValue())
                .description("Redis commands of the shared tier that failed or timed out").register(registry);
    }

    /** Counts an {@code auto} render that fell back from one engine to another. */
    public void fallback(String from, String to) {
        Counter.builder("rendergate_engine_fallbacks").description("Auto-mode fallbacks between engines")
                .tag("from", from).tag("to", to).register(registry).increment();
    }

    /** Counts one {@code auto} render by the verdict of its route ({@code learning}, {@code htmlunit}, {@code chromium}). */
    public void engineRoute(String verdict) {
        engineRoutes.computeIfAbsent(verdict, v -> Counter.builder("rendergate_engine_route_renders")
                .description("Auto-mode renders by the verdict of their route").tag("verdict", v).register(registry))
                .increment();
    }

    /**
     * Counts one background comparison of the engines by kind ({@code learn}, {@code recheck}) and outcome
     * ({@code agreed}, {@code disagreed}, {@code htmlunit-failed}, {@code chromium-failed}, {@code dropped}).
     */
    public void engineCheck(String kind, String outcome) {
        Counter.builder("rendergate_engine_checks").description("Background comparisons of HtmlUnit with Chromium")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
    }

    /** Registers a gauge of the routes this node knows with {@code verdict}. */
    public void engineRoutes(String verdict, Supplier<Number> count) {
        Gauge.builder("rendergate_engine_routes", count).description("Known route templates by engine verdict")
                .tag("verdict", verdict).register(registry);
    }

    /** Counts one cache lookup by outcome ({@code hit}, {@code miss}, {@code stale}, {@code bypass}). */
    public void cache(String outcome) {
        cacheLookups.computeIfAbsent(outcome, o -> Counter.builder("rendergate_cache_lookups")
                .description("Snapshot cache lookups by outcome").tag("outcome", o).register(registry)).increment();
    }

    /** Counts a subrequest a page made that was not fetched ({@code block-address}, {@code skip-asset}, ...). */
    public void subrequestRefused(String decision) {
        Counter.builder("rendergate_subrequests_refused").description("Subrequests not fetched, by decision")
                .tag("decision", decision).register(registry).increment();
    }

    /** Counts one request an engine made through the egress proxy, by kind ({@code http}, {@code connect}) and outcome. */
    public void egressRequest(String kind, String outcome) {
        egressRequests.computeIfAbsent(kind + " " + outcome, k -> Counter.builder("rendergate_egress_requests")
                .description("Requests the render engines made through the egress proxy")
                .tag("kind", kind).tag("outcome", outcome).baseUnit("requests").register(registry)).increment();
    }

    /**
     * Counts one request the egress proxy refused, by reason ({@code private-address:loopback}, {@code unknown-host},
     * {@code origin-not-allowed}, {@code no-render}), or one render that reached a limit ({@code limit:bytes}, ...).
     */
    public void egressRefused(String reason) {
        Counter.builder("rendergate_egress_refused").description("Egress proxy refusals and renders cut at a limit, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** Counts bytes the egress proxy relayed for renders, both directions. */
    public void egressBytes(long bytes) {
        egressBytes.increment(bytes);
    }

    /** Registers a gauge of the egress proxy's open sessions (one per render in progress or tab ready for one). */
    public void egressSessions(Supplier<Number> open) {
        Gauge.builder("rendergate_egress_sessions", open, n -> n.get().doubleValue())
                .description("Egress proxy sessions open: renders in progress and browser tabs ready for one")
                .register(registry);
    }

    /** Counts one request refused 429 because its client caused too many renders of uncached pages. */
    public void missRateLimited() {
        Counter.builder("rendergate_miss_rate_limited_requests")
                .description("Requests refused with 429 because their client address used up its renders of cache misses")
                .baseUnit("requests").register(registry).increment();
    }

    /** Registers a gauge of the client addresses the miss rate limit tracks. */
    public void missLimitAddresses(Supplier<Number> addresses) {
        Gauge.builder("rendergate_miss_rate_limit_addresses", addresses)
                .description("Client addresses with a miss-render bucket").baseUnit("addresses").register(registry);
    }

    /** Registers a gauge for the render queue depth. */
    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("rendergate_queue_depth", depth).description("Renders waiting for an engine").register(registry);
    }

    /** Registers a gauge for engines busy rendering. */
    public void busyEngines(Supplier<Number> busy) {
        Gauge.builder("rendergate_engines_busy", busy).description("Engines rendering now").register(registry);
    }

    /** The value of a counter (0 when never incremented); for tests and the CLI. */
    public double count(String name, String tagKey, String tagValue) {
        Counter c = registry.find(name).tag(tagKey, tagValue).counter();
        return c == null ? 0 : c.count();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
