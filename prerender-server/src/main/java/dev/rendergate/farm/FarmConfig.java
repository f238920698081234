package dev.rendergate.farm;

import dev.rendergate.farm.cache.QueryAllowList;
import dev.rendergate.farm.limit.MissRateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a farm node needs to start, validated when built.
 *
 * <p>Start from {@link #defaults()} and copy with the {@code with...} methods; the command line maps its
 * options (and their {@code RENDERGATE_*} variables) onto these.
 *
 * @param bindHost                 interface to bind (127.0.0.1 for tests and {@code up}, 0.0.0.0 for {@code farm})
 * @param port                     HTTP port, 0 for an ephemeral one
 * @param allowedOrigins           origins ({@code scheme://host:port}, port always explicit) that may be rendered
 * @param token                    the {@code X-Prerender-Token} value, or null for no token check
 * @param engine                   engine mode
 * @param poolSize                 number of render engines (and render threads)
 * @param queueSize                renders that may wait for an engine before the farm answers 503
 * @param renderTimeout            hard budget of one render
 * @param timeoutStatus            status answered when a render overruns its budget
 * @param networkIdle              quiet period without requests in flight that ends a render without {@code prerenderReady}
 * @param maxRendersPerEngine      an engine is replaced after this many renders
 * @param cacheMaxBytes            L1 cache bound in bytes (0 disables caching)
 * @param cacheTtl                 snapshot time to live
 * @param redisUri                 Redis L2 URI, or null for L1 only
 * @param privateAddressExceptions {@code host:port} pairs that may resolve to loopback or private addresses
 * @param publicOrigin             origin that {@code Location} headers pointing at an allowed origin are rewritten to, or null
 * @param appRootSelector          CSS selector of the SPA's root element, used to validate HtmlUnit renders
 * @param probeBudget              in {@code auto}, the most HtmlUnit may take before Chromium renders with the rest of
 *                                 the budget; null for a fifth of the render budget
 * @param agreementsNeeded         in {@code auto}, HtmlUnit renders of a route in a row that must agree with Chromium's
 *                                 before HtmlUnit answers the route alone
 * @param recheckEvery             in {@code auto}, one in this many HtmlUnit answers is checked again against Chromium
 * @param chromium                 the Chromium executable; null to look for the system's, {@code none} for no Chromium
 * @param queryParams              the query parameters that reach cache keys and renders, per site
 * @param missRatePerMinute        renders of cache misses one client address may cause a minute; 0 for no limit
 * @param missBurst                renders of cache misses one client address may cause at once
 */
public record FarmConfig(
        String bindHost,
        int port,
        List<String> allowedOrigins,
        String token,
        EngineMode engine,
        int poolSize,
        int queueSize,
        Duration renderTimeout,
        int timeoutStatus,
        Duration networkIdle,
        int maxRendersPerEngine,
        long cacheMaxBytes,
        Duration cacheTtl,
        String redisUri,
        Set<String> privateAddressExceptions,
        String publicOrigin,
        String appRootSelector,
        Duration probeBudget,
        int agreementsNeeded,
        int recheckEvery,
        String chromium,
        QueryAllowList queryParams,
        int missRatePerMinute,
        int missBurst) {

    /** Validates and normalises every field. */
    public FarmConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        check(port >= 0 && port <= 65535, "port", port);
        allowedOrigins = allowedOrigins.stream().map(FarmConfig::normaliseOrigin).distinct().toList();
        token = token == null || token.isEmpty() ? null : token;
        Objects.requireNonNull(engine, "engine");
        check(poolSize >= 1 && poolSize <= 256, "poolSize", poolSize);
        check(queueSize >= 0 && queueSize <= 100_000, "queueSize", queueSize);
        check(!renderTimeout.isNegative() && !renderTimeout.isZero(), "renderTimeout", renderTimeout);
        check(timeoutStatus >= 400 && timeoutStatus <= 599, "timeoutStatus", timeoutStatus);
        check(!networkIdle.isNegative() && networkIdle.compareTo(renderTimeout) < 0, "networkIdle", networkIdle);
        check(maxRendersPerEngine >= 1, "maxRendersPerEngine", maxRendersPerEngine);
        check(cacheMaxBytes >= 0, "cacheMaxBytes", cacheMaxBytes);
        check(!cacheTtl.isNegative(), "cacheTtl", cacheTtl);
        redisUri = redisUri == null || redisUri.isBlank() ? null : redisUri;
        privateAddressExceptions = Set.copyOf(privateAddressExceptions.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList());
        privateAddressExceptions.forEach(e -> check(e.matches("\\[?[a-z0-9.:-]+]?:\\d{1,5}"), "privateAddressExceptions", e));
        publicOrigin = publicOrigin == null || publicOrigin.isBlank() ? null : normaliseOrigin(publicOrigin);
        Objects.requireNonNull(appRootSelector, "appRootSelector");
        check(probeBudget == null || (!probeBudget.isNegative() && !probeBudget.isZero()
                && probeBudget.compareTo(renderTimeout) < 0), "probeBudget (must be below renderTimeout)", probeBudget);
        check(agreementsNeeded >= 1 && agreementsNeeded <= 100, "agreementsNeeded", agreementsNeeded);
        check(recheckEvery >= 1, "recheckEvery", recheckEvery);
        chromium = chromium == null || chromium.isBlank() ? null : chromium.strip();
        Objects.requireNonNull(queryParams, "queryParams");
        check(missRatePerMinute >= 0 && missRatePerMinute <= 1_000_000, "missRatePerMinute (0 turns the limit off)",
                missRatePerMinute);
        check(missBurst >= 1 && missBurst <= 1_000_000, "missBurst", missBurst);
    }

    /** Chromium was turned off ({@code --chromium none}). */
    public static final String NO_CHROMIUM = "none";

    /** The probe budget in effect: as configured, or a fifth of the render budget. */
    public Duration effectiveProbeBudget() {
        return probeBudget != null ? probeBudget : renderTimeout.dividedBy(5);
    }

    /** Loopback, ephemeral port, no origins allowed yet, auto engine, one engine per core, 10 s budget, 256 MB / 24 h cache. */
    public static FarmConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new FarmConfig("127.0.0.1", 0, List.of(), null, EngineMode.AUTO, cores, 64,
                Duration.ofSeconds(10), 504, Duration.ofMillis(500), 200, 256L << 20, Duration.ofHours(24),
                null, Set.of(), null, "#app, #root, #__next, #__nuxt, [data-rendergate-root]", null, 3, 50, null,
                QueryAllowList.defaults(), MissRateLimit.DEFAULT_PER_MINUTE, MissRateLimit.DEFAULT_BURST);
    }

    /** {@code scheme://host:port} with lower-case scheme and host and an explicit port; rejects paths and non-http(s). */
    public static String normaliseOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): '" + origin + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): '" + origin + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    public FarmConfig withBindHost(String v) { return copy(c -> c.bindHost = v); }
    public FarmConfig withPort(int v) { return copy(c -> c.port = v); }
    public FarmConfig withAllowedOrigins(List<String> v) { return copy(c -> c.allowedOrigins = v); }
    public FarmConfig withToken(String v) { return copy(c -> c.token = v); }
    public FarmConfig withEngine(EngineMode v) { return copy(c -> c.engine = v); }
    public FarmConfig withPoolSize(int v) { return copy(c -> c.poolSize = v); }
    public FarmConfig withQueueSize(int v) { return copy(c -> c.queueSize = v); }
    public FarmConfig withRenderTimeout(Duration v) { return copy(c -> c.renderTimeout = v); }
    public FarmConfig withTimeoutStatus(int v) { return copy(c -> c.timeoutStatus = v); }
    public FarmConfig withNetworkIdle(Duration v) { return copy(c -> c.networkIdle = v); }
    public FarmConfig withMaxRendersPerEngine(int v) { return copy(c -> c.maxRendersPerEngine = v); }
    public FarmConfig withCacheMaxBytes(long v) { return copy(c -> c.cacheMaxBytes = v); }
    public FarmConfig withCacheTtl(Duration v) { return copy(c -> c.cacheTtl = v); }
    public FarmConfig withRedisUri(String v) { return copy(c -> c.redisUri = v); }
    public FarmConfig withPrivateAddressExceptions(Set<String> v) { return copy(c -> c.privateAddressExceptions = v); }
    public FarmConfig withPublicOrigin(String v) { return copy(c -> c.publicOrigin = v); }
    public FarmConfig withAppRootSelector(String v) { return copy(c -> c.appRootSelector = v); }
    public FarmConfig withProbeBudget(Duration v) { return copy(c -> c.probeBudget = v); }
    public FarmConfig withAgreementsNeeded(int v) { return copy(c -> c.agreementsNeeded = v); }
    public FarmConfig withRecheckEvery(int v) { return copy(c -> c.recheckEvery = v); }
    public FarmConfig withChromium(String v) { return copy(c -> c.chromium = v); }
    public FarmConfig withQueryParams(QueryAllowList v) { return copy(c -> c.queryParams = v); }
    public FarmConfig withMissRatePerMinute(int v) { return copy(c -> c.missRatePerMinute = v); }
    public FarmConfig withMissBurst(int v) { return copy(c -> c.missBurst = v); }

    /** A copy with one more allowed origin. */
    public FarmConfig withAllowedOrigin(String origin) {
        List<String> all = new ArrayList<>(allowedOrigins);
        all.add(origin);
        return withAllowedOrigins(all);
    }

    /** A copy with one more {@code host:port} private-address exception. */
    public FarmConfig withPrivateAddressException(String hostPort) {
        Set<String> all = new LinkedHashSet<>(privateAddressExceptions);
        all.add(hostPort);
        return withPrivateAddressExceptions(all);
    }

    /** Like the record's own, but never prints the token. */
    @Override
    public String toString() {
        return "FarmConfig[bind=" + bindHost + ":" + port + ", allowedOrigins=" + allowedOrigins
                + ", token=" + (token == null ? "none" : "***") + ", engine=" + engine.label() + ", pool=" + poolSize
                + ", queue=" + queueSize + ", renderTimeout=" + renderTimeout + ", probeBudget=" + effectiveProbeBudget()
                + ", chromium=" + (chromium == null ? "system" : chromium) + ", cacheMaxBytes=" + cacheMaxBytes
                + ", redis=" + (redisUri != null) + ", privateAddressExceptions=" + privateAddressExceptions
                + ", queryParams=[" + queryParams + "], missRate=" + (missRatePerMinute == 0 ? "off"
                : missRatePerMinute + "/min burst " + missBurst) + "]";
    }

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + name + ": '" + value + "'");
        }
    }

    private FarmConfig copy(java.util.function.Consumer<Mutable> change) {
        Mutable m = new Mutable(this);
        change.accept(m);
        return m.build();
    }

    /** A mutable mirror used only to make copies; keeps the withers one line each. */
    private static final class Mutable {
        String bindHost; int port; List<String> allowedOrigins; String token; EngineMode engine;
        int poolSize; int queueSize; Duration renderTimeout; int timeoutStatus; Duration networkIdle;
        int maxRendersPerEngine; long cacheMaxBytes; Duration cacheTtl; String redisUri;
        Set<String> privateAddressExceptions; String publicOrigin; String appRootSelector;
        Duration probeBudget; int agreementsNeeded; int recheckEvery; String chromium;
        QueryAllowList queryParams; int missRatePerMinute; int missBurst;

        Mutable(FarmConfig c) {
            bindHost = c.bindHost; port = c.port; allowedOrigins = c.allowedOrigins; token = c.token;
            engine = c.engine; poolSize = c.poolSize; queueSize = c.queueSize; renderTimeout = c.renderTimeout;
            timeoutStatus = c.timeoutStatus; networkIdle = c.networkIdle; maxRendersPerEngine = c.maxRendersPerEngine;
            cacheMaxBytes = c.cacheMaxBytes; cacheTtl = c.cacheTtl; redisUri = c.redisUri;
            privateAddressExceptions = c.privateAddressExceptions; publicOrigin = c.publicOrigin;
            appRootSelector = c.appRootSelector; probeBudget = c.probeBudget; agreementsNeeded = c.agreementsNeeded;
            recheckEvery = c.recheckEvery; chromium = c.chromium;
            queryParams = c.queryParams; missRatePerMinute = c.missRatePerMinute; missBurst = c.missBurst;
        }

        FarmConfig build() {
            return new FarmConfig(bindHost, port, allowedOrigins, token, engine, poolSize, queueSize, renderTimeout,
                    timeoutStatus, networkIdle, maxRendersPerEngine, cacheMaxBytes, cacheTtl, redisUri,
                    privateAddressExceptions, publicOrigin, appRootSelector, probeBudget, agreementsNeeded, recheckEvery,
                    chromium, queryParams, missRatePerMinute, missBurst);
        }
    }
}
