package dev.rendergate.farm.inspect.audit;

import dev.rendergate.edge.detect.Device;
import java.net.URI;
import java.util.Map;

/** Gets a page as crawlers get it, through a farm. */
@FunctionalInterface
public interface PageFetcher {

    /** The page, or a failure carrying the farm's reason; never throws for a page that cannot be had. */
    Fetched fetch(URI url, Device device);

    /**
     * A fetched page.
     *
     * @param status   the status crawlers get (0 when the farm could not be reached)
     * @param headers  the response headers
     * @param html     the snapshot
     * @param engine   the engine that rendered it ({@code -} when unknown)
     * @param renderMs how long the render took
     * @param failure  the farm's reason when it did not render the page, or {@code null}
     */
    record Fetched(int status, Map<String, String> headers, String html, String engine, long renderMs, String failure) {
        public Fetched {
            headers = Map.copyOf(headers);
        }

        public static Fetched failed(int status, String reason) {
            return new Fetched(status, Map.of(), "", "-", 0, reason);
        }
    }
}
