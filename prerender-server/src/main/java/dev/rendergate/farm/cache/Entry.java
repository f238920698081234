package dev.rendergate.farm.cache;

/**
 * A snapshot as L1 holds it, with its deadlines on the cache's ticker.
 *
 * @param snapshot   the page
 * @param freshUntil ticker time (ns) after which the snapshot is served as STALE
 * @param expiresAt  ticker time (ns) after which it is not served at all
 */
record Entry(Snapshot snapshot, long freshUntil, long expiresAt) {

    static Entry of(Snapshot snapshot, long now, long freshNanos, long staleNanos) {
        return new Entry(snapshot, saturatedAdd(now, freshNanos), saturatedAdd(now, freshNanos + staleNanos));
    }

    boolean freshAt(long now) {
        return now - freshUntil < 0;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
