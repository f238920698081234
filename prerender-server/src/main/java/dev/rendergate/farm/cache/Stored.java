package dev.rendergate.farm.cache;

/**
 * A snapshot as the shared tier returned it.
 *
 * @param snapshot   the page
 * @param fence      the fencing token of the write that stored it (higher = written later)
 * @param millisLeft how long Redis keeps it (its TTL plus stale window)
 */
record Stored(Snapshot snapshot, long fence, long millisLeft) {
}
