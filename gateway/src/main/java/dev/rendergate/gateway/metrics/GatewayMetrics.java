package dev.rendergate.gateway.metrics;

import dev.rendergate.gateway.http.CrawlerAnswer;
import dev.rendergate.gateway.http.Exchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Names and records the gateway's metrics. Thread-safe; every event loop records into it.
 *
 * <ul>
 *   <li>{@code rendergate_gateway_request_duration_seconds} (histogram) by {@code route} and {@code status}
 *       class: every answered request, from its last byte read to its last byte written; its {@code _count}
 *       is the request count</li>
 *   <li>{@code rendergate_gateway_response_body_bytes_total} by {@code route}</li>
 *   <li>{@code rendergate_gateway_crawler_requests_total} by {@code class} and {@code answer}: crawlers the edge
 *       sent to the farm and what they got ({@link CrawlerAnswer})</li>
 *   <li>{@code rendergate_gateway_fallbacks_total} by {@code reason}: crawler answers the farm could not give</li>
 *   <li>{@code rendergate_gateway_upstream_errors_total} by {@code upstream} and {@code reason}</li>
 *   <li>{@code rendergate_gateway_refusals_total} by {@code reason}: what the gateway would not hold
 *       ({@code connection-limit}, {@code pipeline-full}, {@code memory-budget},
 *       {@code body-not-accepted}, {@code body-too-large})</li>
 *   <li>gauges {@code rendergate_gateway_open_connections}, {@code rendergate_gateway_open_http2_streams},
 *       {@code rendergate_gateway_requests_in_flight}, {@code rendergate_gateway_request_body_bytes}</li>
 * </ul>
 *
 * <p>Labels never carry a path, a host or a User-Agent: routes, status classes and crawler classes are fixed
 * sets, reasons are bounded ({@link BoundedLabel}).
 */
public final class GatewayMetrics {

    private static final int MAX_REASONS = 32;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Meters kept by label value: a registry lookup builds an id and a tag list on every call.
    private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final Map<String, Counter> crawlerAnswers = new ConcurrentHashMap<>();
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, Counter> upstreamErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> unverifiedCrawlers = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final BoundedLabel reasons = new BoundedLabel(MAX_REASONS);

    /** Records an answered request; called once per request when its last write completes. */
    public void completed(Exchange ex, long nanos) {
        // The crawler's answer first: a scrape that sees this request in the count sees its answer too.
        if (ex.crawlerClass() != null) {
            crawlerAnswer(ex.crawlerClass(), ex.crawlerAnswer());
        }
        String route = ex.route();
        RouteMeters meters = routes.get(route);
        if (meters == null) {
            meters = routes.computeIfAbsent(route, r -> new RouteMeters(registry, r));
        }
        meters.record(ex.status(), nanos, ex.bytes());
    }

    private void crawlerAnswer(String botClass, CrawlerAnswer answer) {
        String answerLabel = answer == null ? "aborted" : answer.label();
        crawlerAnswers.computeIfAbsent(botClass + '/' + answerLabel, key -> Counter.builder("rendergate.gateway.crawler.requests")
                .description("Crawler requests the edge sent to the farm, by crawler class and how they were answered")
                .tag("class", botClass).tag("answer", answerLabel).register(registry)).increment();
    }

    /**
     * Counts a claimed crawler that failed verification, by its name (from the classifier's fixed list) and
     * the mode: in {@code enforce} it was served as a person.
     */
    public void unverifiedCrawler(String crawler, String mode) {
        unverifiedCrawlers.computeIfAbsent(crawler + '/' + mode, key -> Counter.builder("rendergate.gateway.crawler.unverified")
                .description("Requests claiming a crawler whose address its operator does not own (published ranges or"
                        + " forward-confirmed reverse DNS)")
                .baseUnit("requests").tag("crawler", crawler).tag("mode", mode).register(registry)).increment();
    }

    /** Counts a crawler answer the farm could not give, by the reason sent in {@code X-Rendergate-Reason}. */
    public void fallback(String reason) {
        fallbacks.computeIfAbsent(reasons.of(reason), r -> Counter.builder("rendergate.gateway.fallbacks")
                .description("Crawler requests answered by the fallback (shell or 503) instead of the farm, by reason")
                .tag("reason", r).register(registry)).increment();
    }

    /** Counts a failure of an upstream, before its answer (a fallback, 502 or 504 follows) or during it (cut). */
    public void upstreamError(Upstream upstream, String reason) {
        String label = reasons.of(reason);
        upstreamErrors.computeIfAbsent(upstream.label() + '/' + label, key -> Counter.builder("rendergate.gateway.upstream.errors")
                .description("Failed calls to the farm, the site's origin, routed services and the short-link Redis")
                .tag("upstream", upstream.label()).tag("reason", label).register(registry)).increment();
    }

    /**
     * Counts a connection or request the gateway refused to hold, by a reason from the fixed set of the
     * gateway's refusals (never client text).
     */
    public void refused(String reason) {
        refusals.computeIfAbsent(reason, r -> Counter.builder("rendergate.gateway.refusals")
                .description("Connections and requests refused to bound the gateway's memory, by reason")
                .tag("reason", r).register(registry)).increment();
    }

    /** Registers the gauge of request-body bytes held now. */
    public void requestBodyBytes(Supplier<Number> bytes) {
        Gauge.builder("rendergate.gateway.request.body", bytes).baseUnit("bytes")
                .description("Request-body bytes held now (read and not yet answered), over all connections")
                .register(registry);
    }

    /** Registers the gauge of open client connections. */
    public void openConnections(Supplier<Number> count) {
        Gauge.builder("rendergate.gateway.open.connections", count)
                .description("Client connections open now (HTTP/1.1 and HTTP/2)").register(registry);
    }

    /** Registers the gauge of open HTTP/2 streams. */
    public void openHttp2Streams(Supplier<Number> count) {
        Gauge.builder("rendergate.gateway.open.http2.streams", count)
                .description("HTTP/2 streams open now, over all connections").register(registry);
    }

    /** Registers the gauge of requests being answered. */
    public void requestsInFlight(Supplier<Number> count) {
        Gauge.builder("rendergate.gateway.requests.in.flight", count)
                .description("Requests read and not yet answered in full").register(registry);
    }

    /** The value of a counter with these tags (0 when none was counted); for tests. */
    public double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The number of requests recorded with these tags (e.g. {@code "route", "static"}); for tests. */
    public long requests(String... tags) {
        return registry.find(RouteMeters.DURATION).tags(tags).timers().stream().mapToLong(t -> t.count()).sum();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
