package dev.rendergate.farm.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.farm.cache.CacheLookup.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's snapshot cache: a byte-bounded Caffeine tier per node (L1) in front of an optional Redis
 * tier shared by all nodes (L2), with single-flight rendering and stale-while-revalidate.
 *
 * <p>{@link #get} answers a fresh snapshot as {@code HIT}; one past its TTL but within the
 * stale-while-revalidate window as {@code STALE} at once, while exactly one background render
 * replaces it; anything else waits for a render ({@code MISS}). Concurrent lookups of one key share
 * one render: on a node through a per-key future, across nodes through a fenced Redis lock. A render
 * that throws propagates to every caller waiting on it and caches nothing; only statuses
 * {@link CacheConfig#ttlFor(int)} gives a TTL are cached. Redis being down or slow never fails a
 * lookup. What one node stores or invalidates is announced to the others through Redis, so they drop
 * their L1 copies (announcements made while Redis is down are lost; TTLs bound the damage).
 * Thread-safe; {@link #close()} releases the Redis connections.
 */
public final class SnapshotCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);

    private final CacheConfig config;
    private final KeyRules keyRules;
    private final Ticker ticker;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final Cache<CacheKey, Entry> l1;
    private final SharedTier l2;
    private final SingleFlight singleFlight;
    private final Set<CacheKey> revalidating = ConcurrentHashMap.newKeySet();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    private SnapshotCache(CacheConfig config, Ticker ticker, Executor executor, ExecutorService ownedExecutor) {
        this.config = config;
        this.keyRules = config.keyRules();
        this.ticker = ticker;
        this.executor = executor;
        this.ownedExecutor = ownedExecutor;
        this.l1 = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the writing thread: evictions are deterministic
                .maximumWeight(config.maxBytes())
                .weigher((CacheKey key, Entry entry) ->
                        (int) Math.min(Integer.MAX_VALUE, key.weight() + entry.snapshot().weight()))
                .expireAfter(new EntryExpiry())
                .evictionListener((CacheKey key, Entry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .build();
        this.l2 = config.redisUri() == null ? SharedTier.NONE : RedisTier.connect(config, new L1Invalidations());
        this.singleFlight = new SingleFlight(config, ticker, l1, l2);
    }

    /** A cache on the system clock whose background renders run on a small pool of its own. */
    public static SnapshotCache create(CacheConfig config) {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "snapshot-revalidate");
            thread.setDaemon(true);
            return thread;
        });
        return create(config, Ticker.systemTicker(), pool, pool);
    }

    /**
     * A cache whose freshness is measured on {@code ticker} (a fake one in tests) and whose
     * background re-renders run on {@code executor}. Connects to Redis if configured; an unreachable
     * Redis is not an error (the cache starts with L2 down and keeps retrying).
     */
    public static SnapshotCache create(CacheConfig config, Ticker ticker, Executor executor) {
        return create(config, ticker, executor, null);
    }

    private static SnapshotCache create(CacheConfig config, Ticker ticker, Executor executor,
                                        ExecutorService owned) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(executor, "executor");
        return new SnapshotCache(config, ticker, executor, owned);
    }

    /** The key rules this cache's configuration implies, for building {@link CacheKey}s. */
    public KeyRules keyRules() {
        return keyRules;
    }

    /**
     * The snapshot for {@code key}: from L1, else L2, else from {@code render} (called at most once
     * at a time per key across all nodes sharing L2).
     *
     * @throws RuntimeException whatever {@code render} threw, for this or a concurrent lookup it joined
     */
    public CacheLookup get(CacheKey key, Function<CacheKey, Snapshot> render) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(render, "render");
        Entry entry = l1.getIfPresent(key);
        if (entry != null) {
            return served(key, entry, render);
        }
        Loaded loaded = singleFlight.load(key, render, SingleFlight.Mode.READ);
        if (loaded.rendered()) {
            misses.increment();
            return new CacheLookup(loaded.entry().snapshot(), Outcome.MISS);
        }
        return served(key, loaded.entry(), render);
    }

    /**
     * Renders {@code key} now and replaces its snapshot in both tiers and every node's L1 (recache),
     * sharing the render with any that is already running for it. A render that throws, times out or
     * answers a 5xx leaves the old snapshot in place; one that answers a redirect or a 4xx the
     * configuration does not cache drops it.
     */
    public CacheLookup refresh(CacheKey key, Function<CacheKey, Snapshot> render) {
        Loaded loaded = singleFlight.load(key, render, SingleFlight.Mode.FORCE);
        return new CacheLookup(loaded.entry().snapshot(), loaded.rendered() ? Outcome.MISS : Outcome.HIT);
    }

    /**
     * Stores {@code snapshot} under {@code key} in both tiers if its status is cacheable.
     *
     * @return whether it was stored
     */
    public boolean put(CacheKey key, Snapshot snapshot) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(snapshot, "snapshot");
        return singleFlight.store(key, snapshot, SharedTier.NEW_FENCE) != null;
    }

    /** The L1 entry for {@code key} if any, fresh or stale, without touching L2 or statistics. */
    public Snapshot peek(CacheKey key) {
        Entry entry = l1.policy().getIfPresentQuietly(key);
        return entry == null ? null : entry.snapshot();
    }

    /**
     * A {@code HIT} for {@code key} if L1 holds a fresh snapshot, else empty. Never blocks, renders or
     * touches L2, so an I/O thread may call it; a hit counts as one, an empty answer counts nothing (the
     * caller goes on to {@link #get}, which counts).
     */
    public Optional<CacheLookup> peekFresh(CacheKey key) {
        Entry entry = l1.getIfPresent(Objects.requireNonNull(key, "key"));
        if (entry == null || !entry.freshAt(ticker.read())) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(new CacheLookup(entry.snapshot(), Outcome.HIT));
    }

    /**
     * The snapshot for {@code key} from L1, else from L2, without rendering, storing it in L1 or counting
     * statistics: what a status query may look at. {@code null} when neither tier holds it (or L2 is down).
     */
    public Snapshot peekAnyTier(CacheKey key) {
        Snapshot local = peek(Objects.requireNonNull(key, "key"));
        if (local != null) {
            return local;
        }
        Stored stored = l2.read(key);
        return stored == null ? null : stored.snapshot();
    }

    /**
     * Up to {@code limit} cached keys whose normalised URL starts with {@code urlPrefix} (normalised like
     * {@link #invalidatePrefix}), every device: this node's L1 first, then what a bounded scan of L2 finds
     * (pages other nodes rendered). No duplicates; order otherwise unspecified.
     */
    public List<CacheKey> keys(String urlPrefix, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String prefix = CanonicalUrl.prefix(Objects.requireNonNull(urlPrefix, "urlPrefix"));
        LinkedHashSet<CacheKey> keys = new LinkedHashSet<>();
        for (CacheKey key : l1.asMap().keySet()) {
            if (keys.size() >= limit) {
                break;
            }
            if (key.url().startsWith(prefix)) {
                keys.add(key);
            }
        }
        if (keys.size() < limit) {
            for (CacheKey key : l2.keys(prefix, limit)) {
                if (keys.size() >= limit) {
                    break;
                }
                keys.add(key);
            }
        }
        return new ArrayList<>(keys);
    }

    /** Drops {@code key}'s snapshot from both tiers and every node's L1. */
    public void invalidate(CacheKey key) {
        l1.invalidate(key);
        l2.delete(key);
    }

    /**
     * Drops every snapshot whose normalised URL ({@link CacheKey#url()}) starts with
     * {@code urlPrefix}, for every device, from both tiers and every node's L1. An absolute URL
     * prefix is normalised like keys are (scheme, host, default port, escapes) first.
     *
     * @return how many L1 entries went (L2 entries other nodes cached are dropped too, uncounted)
     */
    public long invalidatePrefix(String urlPrefix) {
        String prefix = CanonicalUrl.prefix(Objects.requireNonNull(urlPrefix, "urlPrefix"));
        long removed = invalidateL1Prefix(prefix);
        l2.deletePrefix(prefix);
        return removed;
    }

    private long invalidateL1Prefix(String urlPrefix) {
        return l1.asMap().keySet().stream().filter(key -> key.url().startsWith(urlPrefix))
                .map(key -> l1.asMap().remove(key) != null).filter(Boolean::booleanValue).count();
    }

    /** Drops every snapshot under this cache's Redis key prefix, and every node's L1. */
    public void invalidateAll() {
        l1.invalidateAll();
        l2.deleteAll();
    }

    /** Whether the shared tier is configured and answering; {@code false} without Redis. */
    public boolean l2Available() {
        return l2.available();
    }

    /** Whether a shared tier is configured. */
    public boolean l2Enabled() {
        return l2.enabled();
    }

    /** The counters and sizes for metrics; cheap enough to call per scrape. */
    public CacheStats stats() {
        l1.cleanUp();
        long bytes = l1.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
        return new CacheStats(hits.sum(), misses.sum(), stale.sum(), singleFlight.l2Hits(),
                singleFlight.renders(), evictions.sum(), l1.estimatedSize(), bytes, config.maxBytes(),
                l2.enabled(), l2.available(), l2.errors());
    }

    @Override
    public void close() {
        l2.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private CacheLookup served(CacheKey key, Entry entry, Function<CacheKey, Snapshot> render) {
        if (entry.freshAt(ticker.read())) {
            hits.increment();
            return new CacheLookup(entry.snapshot(), Outcome.HIT);
        }
        stale.increment();
        revalidateInBackground(key, render);
        return new CacheLookup(entry.snapshot(), Outcome.STALE);
    }

    private void revalidateInBackground(CacheKey key, Function<CacheKey, Snapshot> render) {
        if (!revalidating.add(key)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    singleFlight.load(key, render, SingleFlight.Mode.REVALIDATE);
                } catch (RuntimeException e) {
                    // The stale snapshot stays until it expires; the next stale lookup tries again.
                    LOG.warn("cache revalidate failed key={} error={}", key.id(), e.toString());
                } finally {
                    revalidating.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            revalidating.remove(key);
            LOG.warn("cache revalidate rejected key={}", key.id());
        }
    }

    /** Applies what other nodes announce to this node's L1 only (never re-announced). */
    private final class L1Invalidations implements PeerInvalidations {
        @Override
        public void key(CacheKey key) {
            l1.invalidate(key);
        }

        @Override
        public void prefix(String urlPrefix) {
            invalidateL1Prefix(urlPrefix);
        }

        @Override
        public void all() {
            l1.invalidateAll();
        }
    }

    /** Expires each entry at its own deadline: 200s, redirects and not-founds have their own TTLs. */
    private static final class EntryExpiry implements Expiry<CacheKey, Entry> {
        @Override
        public long expireAfterCreate(CacheKey key, Entry entry, long currentTime) {
            return Math.max(0, entry.expiresAt() - currentTime);
        }

        @Override
        public long expireAfterUpdate(CacheKey key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(CacheKey key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    static Duration keepFor(CacheConfig config, int status) {
        return config.ttlFor(status).plus(config.staleWindowFor(status));
    }
}
