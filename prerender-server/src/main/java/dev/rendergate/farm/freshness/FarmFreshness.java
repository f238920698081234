package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.RenderResult;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.cache.SnapshotCache;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.render.PoolSaturatedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The freshness operations on one farm node's cache: the state of a page's snapshot, recaching one page,
 * and invalidating pages. Requires the node to cache ({@link Farm#cache()} not null).
 */
public final class FarmFreshness {
    private final Farm farm;
    private final SnapshotCache cache;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param farm  a node with caching on
     * @param ttl   the TTL of its 200 snapshots (the node caches nothing else)
     * @param clock the wall clock snapshots' {@code renderedAt} is measured on
     */
    public FarmFreshness(Farm farm, Duration ttl, Clock clock) {
        this.farm = Objects.requireNonNull(farm, "farm");
        this.cache = Objects.requireNonNull(farm.cache(), "the farm has no cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The state of {@code url}'s snapshot for {@code device} in this node's L1 tier (a snapshot only the
     * shared tier holds reads as missing: rendering it then is an L2 hit, still cheap).
     *
     * @throws IllegalArgumentException for a URL that is not absolute http(s)
     */
    public CacheState state(URI url, Device device) {
        Snapshot snapshot = cache.peek(key(url, device));
        if (snapshot == null) {
            return CacheState.MISSING;
        }
        boolean fresh = snapshot.status() == 200 && snapshot.renderedAt().plus(ttl).isAfter(clock.instant());
        return fresh ? CacheState.FRESH : CacheState.STALE;
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
        try {
            RenderResult result = farm.recache(url, device);
            if (!result.ok()) {
                return result.reason();
            }
            // The origin's own error page is rendered but never cached: the old snapshot stays, so it failed.
            return result.status() >= 500 ? "origin-status-" + result.status() : null;
        } catch (RejectedRequestException e) {
            return e.reason();
        } catch (PoolSaturatedException e) {
            return "overloaded";
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
