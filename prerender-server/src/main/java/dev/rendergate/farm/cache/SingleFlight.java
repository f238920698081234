package dev.rendergate.farm.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Loads a key with at most one render at a time: on this node the first caller loads and the others
 * wait on its future; across nodes the loader takes the key's fenced Redis lock, and a node that finds
 * it held polls L2 for the holder's snapshot (bounded), rendering itself only if the holder gave none
 * before its lease ran out.
 */
final class SingleFlight {

    /** What a load may settle for. */
    enum Mode {
        /** A lookup that missed L1: any snapshot in L1 or L2, fresh or stale, will do. */
        READ,
        /** A background re-render of a stale entry: a fresh L2 snapshot will do. */
        REVALIDATE,
        /** A recache: only a snapshot rendered after the load began will do. */
        FORCE
    }

    /** Longer than the lock lease, so a follower outlives a dead holder's lock and takes over. */
    static final Duration FOLLOWER_WAIT = RedisTier.LOCK_LEASE.plusSeconds(5);
    private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_FORCE_JOINS = 3;

    private final CacheConfig config;
    private final Ticker ticker;
    private final Cache<CacheKey, Entry> l1;
    private final SharedTier l2;
    private final ConcurrentHashMap<CacheKey, CompletableFuture<Loaded>> inflight = new ConcurrentHashMap<>();
    private final LongAdder renders = new LongAdder();
    private final LongAdder l2Hits = new LongAdder();

    SingleFlight(CacheConfig config, Ticker ticker, Cache<CacheKey, Entry> l1, SharedTier l2) {
        this.config = config;
        this.ticker = ticker;
        this.l1 = l1;
        this.l2 = l2;
    }

    Loaded load(CacheKey key, Function<CacheKey, Snapshot> render, Mode mode) {
        for (int joins = 0; ; joins++) {
            CompletableFuture<Loaded> mine = new CompletableFuture<>();
            CompletableFuture<Loaded> running = inflight.putIfAbsent(key, mine);
            if (running == null) {
                return lead(key, render, mode, mine);
            }
            Loaded joined = join(running);
            // A recache must not settle for a load that only found a cached snapshot.
            if (mode != Mode.FORCE || joined.rendered() || joins >= MAX_FORCE_JOINS) {
                return joined;
            }
        }
    }

    /** Stores a cacheable snapshot in both tiers; {@code null} when its status is not cached. */
    Entry store(CacheKey key, Snapshot snapshot, long fence) {
        Duration ttl = config.ttlFor(snapshot.status());
        if (ttl.isZero()) {
            return null;
        }
        Duration window = config.staleWindowFor(snapshot.status());
        Entry entry = Entry.of(snapshot, ticker.read(), ttl.toNanos(), window.toNanos());
        l1.put(key, entry);
        l2.store(key, snapshot, fence, ttl.plus(window));
        return entry;
    }

    long renders() {
        return renders.sum();
    }

    long l2Hits() {
        return l2Hits.sum();
    }

    private Loaded lead(CacheKey key, Function<CacheKey, Snapshot> render, Mode mode,
                        CompletableFuture<Loaded> mine) {
        try {
            Loaded loaded = loadOnce(key, render, mode);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            // After the L1 put, so a caller that missed L1 a moment ago finds the entry on its re-check.
            inflight.remove(key, mine);
        }
    }

    private Loaded loadOnce(CacheKey key, Function<CacheKey, Snapshot> render, Mode mode) {
        if (mode == Mode.READ) {
            Entry entry = l1.getIfPresent(key);
            if (entry != null) {
                return new Loaded(entry, false);
            }
        }
        if (!l2.available()) {
            return renderAndStore(key, render, SharedTier.NEW_FENCE, mode);
        }
        Stored stored = l2.read(key);
        if (stored != null && acceptable(stored, mode)) {
            return adopt(key, stored);
        }
        return renderOnceAcrossNodes(key, render, mode, stored == null ? 0 : stored.fence());
    }

    private boolean acceptable(Stored stored, Mode mode) {
        return switch (mode) {
            case READ -> true;
            case REVALIDATE -> stored.millisLeft() > config.staleWindowFor(stored.snapshot().status()).toMillis();
            case FORCE -> false;
        };
    }

    private Loaded renderOnceAcrossNodes(CacheKey key, Function<CacheKey, Snapshot> render, Mode mode, long seenFence) {
        long deadline = System.nanoTime() + FOLLOWER_WAIT.toNanos();
        for (int attempt = 0; ; attempt++) {
            LockAttempt lock = l2.tryLock(key);
            if (lock instanceof LockAttempt.Acquired acquired) {
                // The previous holder may have stored and released between our read and our lock.
                Stored landed = l2.read(key);
                if (landed != null && landed.fence() > seenFence) {
                    l2.release(key, acquired.fence());
                    return adopt(key, landed);
                }
                return renderAndStore(key, render, acquired.fence(), mode);
            }
            if (lock instanceof LockAttempt.Unavailable || System.nanoTime() - deadline >= 0) {
                return renderAndStore(key, render, SharedTier.NEW_FENCE, mode);
            }
            LockSupport.parkNanos(Math.min(MAX_POLL_NANOS, FIRST_POLL_NANOS << Math.min(attempt, 4)));
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted waiting for another node to render " + key.id());
            }
            Stored stored = l2.read(key);
            if (stored != null && stored.fence() > seenFence) {
                return adopt(key, stored);
            }
        }
    }

    private Loaded adopt(CacheKey key, Stored stored) {
        Snapshot snapshot = stored.snapshot();
        long windowNanos = config.staleWindowFor(snapshot.status()).toNanos();
        long leftNanos = stored.millisLeft() >= 0
                ? TimeUnit.MILLISECONDS.toNanos(stored.millisLeft())
                : SnapshotCache.keepFor(config, snapshot.status()).toNanos();
        long freshNanos = Math.max(0, leftNanos - windowNanos);
        Entry entry = Entry.of(snapshot, ticker.read(), freshNanos, leftNanos - freshNanos);
        l1.put(key, entry);
        l2Hits.increment();
        return new Loaded(entry, false);
    }

    private Loaded renderAndStore(CacheKey key, Function<CacheKey, Snapshot> render, long fence, Mode mode) {
        Snapshot snapshot;
        try {
            snapshot = Objects.requireNonNull(render.apply(key), "render returned null");
        } catch (RuntimeException | Error e) {
            release(key, fence);
            throw e;
        }
        renders.increment();
        Entry entry = store(key, snapshot, fence);
        if (entry == null) {
            release(key, fence);
            if (mode != Mode.READ && replacesCachedPage(snapshot.status())) {
                // The page moved or went away: its old 200 must not be served, stale or not.
                l1.invalidate(key);
                l2.delete(key);
            }
            return new Loaded(new Entry(snapshot, 0, 0), true);
        }
        return new Loaded(entry, true);
    }

    /** A redirect or client error is the site's answer, unlike a timeout or a 5xx (408/425/429 are transient). */
    private static boolean replacesCachedPage(int status) {
        return status >= 300 && status < 500 && status != 408 && status != 425 && status != 429;
    }

    private void release(CacheKey key, long fence) {
        if (fence != SharedTier.NEW_FENCE) {
            l2.release(key, fence);
        }
    }

    private static Loaded join(CompletableFuture<Loaded> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
