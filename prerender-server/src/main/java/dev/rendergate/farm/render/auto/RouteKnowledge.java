package dev.rendergate.farm.render.auto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node (and, with Redis, every node) knows of which engine each site and route template needs. Bounded
 * to {@value #MAX_ROUTES} routes; a route sent to Chromium longer ago than the relearn period counts as unknown, so
 * a site that changed (a new build) is learned again. With a shared store, a route read from it is read again after
 * {@link #SHARED_REFRESH}, so a route another node sent back to Chromium follows within seconds.
 */
public final class RouteKnowledge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteKnowledge.class);
    static final int MAX_ROUTES = 10_000;
    static final Duration SHARED_REFRESH = Duration.ofSeconds(5);

    private final Clock clock;
    private final Duration relearnAfter;
    private final int agreementsNeeded;
    private final long htmlUnitLimitMs;
    private final SharedRoutes shared;
    private final Cache<RouteTemplate, Known> local = Caffeine.newBuilder().maximumSize(MAX_ROUTES).build();

    /** A state and when it was read from the shared store (or written here). */
    private record Known(RouteState state, Instant read) {
    }

    /** One route and its state, for status pages. */
    public record Entry(RouteTemplate route, RouteState state) {
    }

    RouteKnowledge(Clock clock, AutoSettings settings, SharedRoutes shared) {
        this.clock = clock;
        this.relearnAfter = settings.relearnAfter();
        this.agreementsNeeded = settings.agreementsNeeded();
        // HtmlUnit earns a route only with room to spare in the probe budget it will answer under.
        this.htmlUnitLimitMs = settings.probeBudget().toMillis() / 2;
        this.shared = shared;
    }

    /** Knowledge kept by this node alone. */
    public static RouteKnowledge local(Clock clock, AutoSettings settings) {
        return new RouteKnowledge(clock, settings, null);
    }

    /** Knowledge shared by every node through Redis at {@code redisUri}. */
    public static RouteKnowledge shared(Clock clock, AutoSettings settings, URI redisUri) {
        return new RouteKnowledge(clock, settings, RedisRoutes.open(redisUri, settings.relearnAfter()));
    }

    /** What answers {@code route}: a site-wide verdict (the whole site needs Chromium) wins over the route's own. */
    public RouteState state(RouteTemplate route) {
        Optional<RouteState> site = current(route.siteWide());
        return site.isPresent() ? site.get() : current(route).orElseGet(() -> RouteState.learning(clock.instant()));
    }

    /** HtmlUnit's render agreed with Chromium's; the render times count towards which engine is faster. */
    void agreed(RouteTemplate route, long htmlUnitMs, long chromiumMs) {
        update(route, s -> s.agreed(htmlUnitMs, chromiumMs, agreementsNeeded, htmlUnitLimitMs, clock.instant()));
    }

    /** HtmlUnit's render differed from Chromium's in {@code fields}. */
    void disagreed(RouteTemplate route, List<String> fields) {
        update(route, s -> s.disagreed(fields, clock.instant()));
    }

    /** HtmlUnit could not render the route; with {@code siteWide} no route of the site is tried in HtmlUnit again. */
    void htmlUnitFailed(RouteTemplate route, String code, boolean siteWide) {
        update(siteWide ? route.siteWide() : route, s -> s.htmlUnitFailed(code, clock.instant()));
    }

    /**
     * For the inspector: the facts on which HtmlUnit's render of {@code url}'s route last differed from Chromium's
     * (e.g. {@code "links, jsonLd"}) when the page was served by {@code engine} HtmlUnit; null when it agreed, was
     * never compared, or another engine served it.
     */
    public String disagreement(String url, String engine) {
        if (!"htmlunit".equals(engine)) {
            return null;
        }
        RouteState state;
        try {
            state = state(RouteTemplate.of(URI.create(url)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return state.disagreed() ? String.join(", ", state.differing()) : null;
    }

    /** A route HtmlUnit answered ran out of its probe budget: it is learned again, speed included. */
    void relearn(RouteTemplate route) {
        update(route, s -> RouteState.learning(clock.instant()));
    }

    /** Every route this node knows, newest first (for the status endpoint). */
    public List<Entry> entries() {
        return local.asMap().entrySet().stream()
                .filter(e -> !expired(e.getValue().state()))
                .map(e -> new Entry(e.getKey(), e.getValue().state()))
                .sorted(Comparator.comparing((Entry e) -> e.state().since()).reversed())
                .toList();
    }

    /** Routes this node knows, by verdict (for a gauge). */
    public Map<RouteState.Verdict, Long> countByVerdict() {
        Map<RouteState.Verdict, Long> counts = new EnumMap<>(RouteState.Verdict.class);
        for (RouteState.Verdict v : RouteState.Verdict.values()) {
            counts.put(v, 0L);
        }
        local.asMap().values().stream().map(Known::state).filter(s -> !expired(s))
                .forEach(s -> counts.merge(s.verdict(), 1L, Long::sum));
        return counts;
    }

    /** True when routes are shared through Redis. */
    public boolean isShared() {
        return shared != null;
    }

    private Optional<RouteState> current(RouteTemplate route) {
        Known known = local.getIfPresent(route);
        Instant now = clock.instant();
        if (shared != null && (known == null || known.read().plus(SHARED_REFRESH).isBefore(now))) {
            Optional<RouteState> fromShared = shared.get(route);
            if (fromShared.isPresent()) {
                known = new Known(fromShared.get(), now);
                local.put(route, known);
            } else if (known != null) {
                known = new Known(known.state(), now);
                local.put(route, known);
            }
        }
        return known == null || expired(known.state()) ? Optional.empty() : Optional.of(known.state());
    }

    private void update(RouteTemplate route, UnaryOperator<RouteState> change) {
        RouteState before = current(route).orElseGet(() -> RouteState.learning(clock.instant()));
        RouteState after = change.apply(before);
        local.put(route, new Known(after, clock.instant()));
        if (shared != null) {
            shared.put(route, after);
        }
        if (after.verdict() != before.verdict()) {
            LOG.atInfo().addKeyValue("event", "engine-route-verdict").addKeyValue("route", route)
                    .addKeyValue("verdict", after.verdict().label()).addKeyValue("reason", after.reason())
                    .addKeyValue("differing", String.join(",", after.differing()))
                    .addKeyValue("htmlunit_ms", join(after.htmlUnitMillis()))
                    .addKeyValue("chromium_ms", join(after.chromiumMillis()))
                    .log("route {} now answered by {} {}", route, after.verdict().label(), after.reason());
        }
    }

    private static String join(List<Long> millis) {
        return String.join(",", millis.stream().map(String::valueOf).toList());
    }

    /** A route pinned to Chromium is tried in HtmlUnit again after a while; a trusted one is kept honest by samples. */
    private boolean expired(RouteState state) {
        return state.verdict() == RouteState.Verdict.CHROMIUM && state.since().plus(relearnAfter).isBefore(clock.instant());
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
