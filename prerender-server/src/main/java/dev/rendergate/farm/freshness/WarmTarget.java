package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import java.net.URI;

/** What the {@link Warmer} renders through: a farm over HTTP ({@link FarmApiClient}) or a node in process. */
public interface WarmTarget {

    /** The state of {@code url}'s snapshot for {@code device}; {@link CacheState#UNKNOWN} when it cannot say. */
    CacheState state(URI url, Device device);

    /** Renders {@code url} through the cache (a fresh snapshot is served, a missing one rendered and stored). */
    Attempt render(URI url, Device device);

    /** Re-renders {@code url} now and replaces its snapshot. */
    Attempt recache(URI url, Device device);

    /**
     * How one render went.
     *
     * @param status the page's HTTP status (0 when no answer came)
     * @param cache  the {@code X-Rendergate-Cache} outcome ({@code HIT}, {@code MISS} ...), or {@code -}
     * @param reason the failure's short reason ({@code X-Rendergate-Reason}), or {@code null} on success
     */
    record Attempt(int status, String cache, String reason) {
        public boolean ok() {
            return reason == null;
        }

        public static Attempt failed(int status, String reason) {
            return new Attempt(status, "-", reason);
        }
    }
}
