package dev.rendergate.farm.cache;

import java.time.Duration;
import java.util.List;

/**
 * The cache tier shared by all farm nodes (L2). Every method answers within a bounded time and never
 * throws because the tier is down: a failure reads as absent, a write is dropped.
 */
interface SharedTier extends AutoCloseable {

    /** Fence value meaning "take a new fencing token for this write". */
    long NEW_FENCE = 0;

    /** Whether a shared tier is configured at all. */
    boolean enabled();

    /** Whether the tier answered its last command. */
    boolean available();

    /** The stored snapshot, or {@code null} when absent, unreadable or the tier is down. */
    Stored read(CacheKey key);

    /** Tries to become the one node that renders {@code key}. */
    LockAttempt tryLock(CacheKey key);

    /** Stores unless a later write (higher fence) got there first; releases the lock held with {@code fence}. */
    void store(CacheKey key, Snapshot snapshot, long fence, Duration keepFor);

    /** Releases the lock taken with {@code fence} if it is still this node's. */
    void release(CacheKey key, long fence);

    void delete(CacheKey key);

    /** Deletes every snapshot whose normalised URL starts with {@code urlPrefix}; how many went. */
    long deletePrefix(String urlPrefix);

    /**
     * Up to {@code limit} keys of snapshots whose normalised URL starts with {@code urlPrefix}, as far as a
     * bounded scan finds them; empty when the tier is down or absent.
     */
    default List<CacheKey> keys(String urlPrefix, int limit) {
        return List.of();
    }

    /** Deletes every snapshot under this cache's key prefix; how many went. */
    long deleteAll();

    /** Counters of failed commands since start. */
    long errors();

    @Override
    void close();

    /** No shared tier: every read misses, every lock is this node's. */
    SharedTier NONE = new SharedTier() {
        @Override public boolean enabled() { return false; }
        @Override public boolean available() { return false; }
        @Override public Stored read(CacheKey key) { return null; }
        @Override public LockAttempt tryLock(CacheKey key) { return LockAttempt.UNAVAILABLE; }
        @Override public void store(CacheKey key, Snapshot snapshot, long fence, Duration keepFor) { }
        @Override public void release(CacheKey key, long fence) { }
        @Override public void delete(CacheKey key) { }
        @Override public long deletePrefix(String urlPrefix) { return 0; }
        @Override public long deleteAll() { return 0; }
        @Override public long errors() { return 0; }
        @Override public void close() { }
    };
}
