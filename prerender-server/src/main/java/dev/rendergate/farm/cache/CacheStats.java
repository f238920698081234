package dev.rendergate.farm.cache;

/**
 * A point-in-time view of a {@link SnapshotCache}'s counters, for {@code /metrics} and {@code /ready}.
 *
 * @param hits         lookups answered fresh from L1 or L2
 * @param misses       lookups that waited for a render
 * @param stale        lookups answered stale (each started or joined one background re-render)
 * @param l2Hits       lookups L1 missed and L2 answered
 * @param renders      renders the cache ran (foreground and background)
 * @param evictions    L1 entries evicted to keep within {@code maxBytes}
 * @param entries      L1 entries now
 * @param bytes        L1 estimated bytes now
 * @param maxBytes     the L1 bound
 * @param l2Enabled    whether a Redis tier is configured
 * @param l2Available  whether it answered its last command
 * @param l2Errors     Redis commands that failed or timed out
 */
public record CacheStats(long hits, long misses, long stale, long l2Hits, long renders, long evictions,
                         long entries, long bytes, long maxBytes, boolean l2Enabled, boolean l2Available,
                         long l2Errors) {
}
