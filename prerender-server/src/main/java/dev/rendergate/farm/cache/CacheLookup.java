package dev.rendergate.farm.cache;

import java.util.Objects;

/**
 * What {@link SnapshotCache#get} answered and where the answer came from.
 *
 * @param snapshot the page to serve
 * @param outcome  {@link Outcome#HIT} (fresh from a cache tier), {@link Outcome#STALE} (past its TTL,
 *                 served while one background render replaces it) or {@link Outcome#MISS} (rendered
 *                 for this request, or for a concurrent one it waited on)
 */
public record CacheLookup(Snapshot snapshot, Outcome outcome) {

    public CacheLookup {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Where a served snapshot came from; its name is the {@code X-Rendergate-Cache} header value. */
    public enum Outcome {
        HIT, MISS, STALE
    }
}
