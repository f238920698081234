package dev.rendergate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one route: a latency histogram per status class and the body bytes sent. What a request
 * costs on the hot path: an array read, one timer record and one counter add.
 */
final class RouteMeters {

    static final String DURATION = "rendergate.gateway.request.duration";
    /**
     * Fixed histogram buckets, from a static file from memory (well under a millisecond) to a slow render
     * (the farm's budget is seconds): fifteen series per route and status class, not Micrometer's ~70.
     */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    /** Index = status / 100; 0 is a request that ended without a status (the client left first). */
    private static final String[] STATUS_CLASSES = {"aborted", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final String route;
    private final AtomicReferenceArray<Timer> byStatusClass = new AtomicReferenceArray<>(STATUS_CLASSES.length);
    private final Counter bytes;

    RouteMeters(MeterRegistry registry, String route) {
        this.registry = registry;
        this.route = route;
        this.bytes = Counter.builder("rendergate.gateway.response.body").baseUnit("bytes")
                .description("Response body bytes sent, by route").tag("route", route).register(registry);
    }

    void record(int status, long nanos, long bodyBytes) {
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        Timer timer = byStatusClass.get(statusClass);
        if (timer == null) {
            // Two threads may both get here: the registry hands both the same timer.
            timer = timer(STATUS_CLASSES[statusClass]);
            byStatusClass.set(statusClass, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (bodyBytes > 0) {
            bytes.increment(bodyBytes);
        }
    }

    private Timer timer(String statusClass) {
        return Timer.builder(DURATION)
                .description("Requests answered, by route and status class: time from the request read to its last byte written")
                .tag("route", route).tag("status", statusClass)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
