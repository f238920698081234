package dev.rendergate.farm.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link SnapshotCache}: how big L1 may grow, how long snapshots stay fresh, which
 * non-200 pages are cached, how URLs fold into keys, and where the shared Redis tier is.
 *
 * @param maxBytes             L1 bound, in estimated heap bytes ({@link CacheKey#weight()} plus {@link Snapshot#weight()})
 * @param ttl                  how long a 200 snapshot is fresh
 * @param staleWhileRevalidate how long after {@code ttl} a 200 snapshot is still served (as STALE)
 *                             while one background render replaces it; zero turns SWR off
 * @param redirectTtl          how long a 301/308 is cached; zero = not cached
 * @param notFoundTtl          how long a 404/410 is cached; zero = not cached
 * @param extraTrackingParams  query parameters dropped from keys on top of the standard ones
 * @param foldTrailingSlash    whether {@code /a/} and {@code /a} share a key
 * @param redisUri             {@code redis://host:port} of the shared tier, or {@code null} for none
 * @param redisTimeout         bound on every Redis command; slower counts as Redis being down
 * @param redisKeyPrefix       namespace of this cache's Redis keys (snapshots live under
 *                             {@code <prefix>snap:}, locks under {@code <prefix>lock:})
 * @param queryParams          the query parameters that stay in keys (and renders), per site
 */
public record CacheConfig(long maxBytes, Duration ttl, Duration staleWhileRevalidate, Duration redirectTtl,
                          Duration notFoundTtl, Set<String> extraTrackingParams, boolean foldTrailingSlash,
                          URI redisUri, Duration redisTimeout, String redisKeyPrefix, QueryAllowList queryParams) {

    public static final String DEFAULT_KEY_PREFIX = "rendergate:";

    public CacheConfig {
        require(maxBytes > 0, "maxBytes must be positive, got " + maxBytes);
        requirePositive(ttl, "ttl");
        requireNotNegative(staleWhileRevalidate, "staleWhileRevalidate");
        requireNotNegative(redirectTtl, "redirectTtl");
        requireNotNegative(notFoundTtl, "notFoundTtl");
        requirePositive(redisTimeout, "redisTimeout");
        extraTrackingParams = Set.copyOf(Objects.requireNonNull(extraTrackingParams, "extraTrackingParams"));
        if (redisUri != null) {
            String scheme = String.valueOf(redisUri.getScheme());
            require((scheme.equals("redis") || scheme.equals("rediss")) && redisUri.getHost() != null,
                    "redisUri must look like redis://host:port, got " + redisUri);
        }
        Objects.requireNonNull(redisKeyPrefix, "redisKeyPrefix");
        Objects.requireNonNull(queryParams, "queryParams");
    }

    /** The settings with the default query allow-list. */
    public CacheConfig(long maxBytes, Duration ttl, Duration staleWhileRevalidate, Duration redirectTtl,
                       Duration notFoundTtl, Set<String> extraTrackingParams, boolean foldTrailingSlash,
                       URI redisUri, Duration redisTimeout, String redisKeyPrefix) {
        this(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, QueryAllowList.defaults());
    }

    /** The settings without a key prefix of their own ({@value #DEFAULT_KEY_PREFIX}). */
    public CacheConfig(long maxBytes, Duration ttl, Duration staleWhileRevalidate, Duration redirectTtl,
                       Duration notFoundTtl, Set<String> extraTrackingParams, boolean foldTrailingSlash,
                       URI redisUri, Duration redisTimeout) {
        this(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, DEFAULT_KEY_PREFIX);
    }

    /**
     * 256 MB of L1, 24 h TTL with 1 h stale-while-revalidate, only 200s cached, standard tracking
     * parameters, the default query allow-list, no trailing-slash folding, no Redis, 250 ms Redis timeout.
     */
    public static CacheConfig defaults() {
        return new CacheConfig(256L * 1024 * 1024, Duration.ofHours(24), Duration.ofHours(1), Duration.ZERO,
                Duration.ZERO, Set.of(), false, null, Duration.ofMillis(250));
    }

    /** The key rules these settings imply. */
    public KeyRules keyRules() {
        return KeyRules.of(extraTrackingParams, foldTrailingSlash, queryParams);
    }

    /** How long a snapshot with {@code status} stays fresh; zero means it is not cached at all. */
    public Duration ttlFor(int status) {
        return switch (status) {
            case 200 -> ttl;
            case 301, 308 -> redirectTtl;
            case 404, 410 -> notFoundTtl;
            default -> Duration.ZERO;
        };
    }

    /** How long past its TTL a snapshot with {@code status} may be served stale (200s only). */
    public Duration staleWindowFor(int status) {
        return status == 200 ? staleWhileRevalidate : Duration.ZERO;
    }

    public CacheConfig withMaxBytes(long value) {
        return new CacheConfig(value, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withTtl(Duration value) {
        return new CacheConfig(maxBytes, value, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withStaleWhileRevalidate(Duration value) {
        return new CacheConfig(maxBytes, ttl, value, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withRedirectTtl(Duration value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, value, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withNotFoundTtl(Duration value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, value, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withExtraTrackingParams(Set<String> value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, value,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withFoldTrailingSlash(boolean value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                value, redisUri, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withRedisUri(URI value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, value, redisTimeout, redisKeyPrefix, queryParams);
    }

    public CacheConfig withRedisTimeout(Duration value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, value, redisKeyPrefix, queryParams);
    }

    public CacheConfig withRedisKeyPrefix(String value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, value, queryParams);
    }

    public CacheConfig withQueryParams(QueryAllowList value) {
        return new CacheConfig(maxBytes, ttl, staleWhileRevalidate, redirectTtl, notFoundTtl, extraTrackingParams,
                foldTrailingSlash, redisUri, redisTimeout, redisKeyPrefix, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        require(!value.isNegative() && !value.isZero(), name + " must be positive, got " + value);
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        require(!value.isNegative(), name + " must not be negative, got " + value);
    }
}
