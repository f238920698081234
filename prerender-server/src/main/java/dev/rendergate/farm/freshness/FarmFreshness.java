package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.cache.SnapshotCache;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.render.PoolSaturatedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The freshness operations on one farm node's cache: the state of a page's snapshot, recaching one page,
 * and invalidating pages. Requires the node to cache ({@link Prerenderer#cache()} not null).
 */
public final class FarmFreshness {
    private final Prerenderer farm;
    private final SnapshotCache cache;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param farm  a node with caching on
     * @param ttl   the TTL of its 200 snapshots (the node caches nothing else)
     * @param clock the wall clock snapshots' {@code renderedAt} is measured on
     */
    public FarmFreshness(Prerenderer farm, Duration ttl, Clock clock) {
        this.farm = Objects.requireNonNull(farm, "farm");
        this.cache = Objects.requireNonNull(farm.cache(), "the farm has no cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The state of {@code url}'s snapshot for {@code device} in this node's L1 tier or, failing that, the
     * shared tier (a page another node rendered is fresh here too), without rendering.
     *
     * @throws IllegalArgumentException for a URL that is not absolute http(s)
     */
    public CacheState state(URI url, Device device) {
        return stateOf(snapshot(url, device));
    }

    /** The snapshot of {@code url} for {@code device} in either tier, or {@code null}; never renders. */
    public Snapshot snapshot(URI url, Device device) {
        return cache.peekAnyTier(key(url, device));
    }

    /** How {@code snapshot} (possibly {@code null}) stands now. */
    public CacheState stateOf(Snapshot snapshot) {
        if (snapshot == null) {
            return CacheState.MISSING;
        }
        boolean fresh = snapshot.status() == 200 && snapshot.renderedAt().plus(ttl).isAfter(clock.instant());
        return fresh ? CacheState.FRESH : CacheState.STALE;
    }

    /**
     * Up to {@code limit} cached keys under {@code prefix} (normalised as {@link #invalidatePrefix} does), in
     * this node's L1 and, bounded, the shared tier.
     */
    public List<CacheKey> cachedUnder(String prefix, int limit) {
        return cache.keys(normalisedPrefix(prefix), limit);
    }

    /** Whether this node holds a snapshot of {@code url} for {@code device}. */
    public boolean cached(URI url, Device device) {
        return cache.peek(key(url, device)) != null;
    }

    /**
     * Re-renders {@code url} for {@code device} now and replaces its snapshot.
     *
     * @return {@code null} on success, else the failure's short reason ({@code origin-status-5xx} when the
     *         origin answered an error page)
     */
    public String recache(URI url, Device device) {
        return recache(url, device, null);
    }

    /**
     * As {@link #recache(URI, Device)}, recording {@code buildId} (when not {@code null}) in the new snapshot,
     * so a snapshot says which deploy it was rendered after.
     */
    public String recache(URI url, Device device, String buildId) {
        try {
            RenderResult result = farm.recache(url, device);
            if (!result.ok()) {
                return result.reason();
            }
            // The origin's own error page is rendered but never cached: the old snapshot stays, so it failed.
            if (result.status() >= 500) {
                return "origin-status-" + result.status();
            }
            if (buildId != null) {
                recordBuild(key(url, device), buildId);
            }
            return null;
        } catch (RejectedRequestException e) {
            return e.reason();
        } catch (PoolSaturatedException e) {
            return "overloaded";
        }
    }

    /**
     * Stores the snapshot just rendered again with {@code buildId}: the farm renders without knowing the
     * build, so the id is stamped on afterwards (one more write of that snapshot to both tiers).
     */
    private void recordBuild(CacheKey key, String buildId) {
        Snapshot s = cache.peek(key);
        if (s != null && !buildId.equals(s.buildId())) {
            cache.put(key, new Snapshot(s.status(), s.headers(), s.body(), s.engine(), s.renderMillis(),
                    s.renderedAt(), buildId));
        }
    }

    /** Drops {@code url}'s snapshot for {@code device} from every tier; whether this node held one. */
    public boolean invalidate(URI url, Device device) {
        CacheKey key = key(url, device);
        boolean held = cache.peek(key) != null;
        cache.invalidate(key);
        return held;
    }

    /**
     * Drops every snapshot whose URL starts with {@code prefix} (normalised like a key), every device, from
     * every tier; how many this node held.
     */
    public long invalidatePrefix(String prefix) {
        return cache.invalidatePrefix(normalisedPrefix(prefix));
    }

    /** Drops every snapshot from every tier; how many this node held. */
    public long invalidateAll() {
        long held = cache.stats().entries();
        cache.invalidateAll();
        return held;
    }

    /**
     * {@code prefix} normalised as cache keys are (lower-case host, default port dropped ...), keeping a
     * trailing slash so {@code /doctors/} does not also match {@code /doctors-list}.
     *
     * @throws IllegalArgumentException for a prefix that is not an absolute http(s) URL
     */
    String normalisedPrefix(String prefix) {
        String normal = CacheKey.of(URI.create(prefix.trim()), Device.DESKTOP, cache.keyRules()).url();
        return prefix.trim().endsWith("/") && !normal.endsWith("/") ? normal + "/" : normal;
    }

    private CacheKey key(URI url, Device device) {
        return CacheKey.of(url, device, cache.keyRules());
    }
}
