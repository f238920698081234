package dev.rendergate.farm;

import java.util.Map;

/**
 * What the farm answers for one URL and device: the snapshot to serve, or a failure with its reason.
 *
 * @param status       HTTP status for the crawler
 * @param html         the snapshot HTML (a short text on failure)
 * @param headers      headers for the crawler besides the farm's own (e.g. {@code Location})
 * @param engine       engine that rendered it ({@code htmlunit}, {@code chromium}, {@code none})
 * @param cache        {@code HIT}, {@code MISS} or {@code STALE} ({@code MISS} when caching is off)
 * @param renderMillis how long the render took (of the cached render, on a hit)
 * @param reason       why it failed, or null on success
 */
public record RenderResult(int status, String html, Map<String, String> headers, String engine, String cache,
                           long renderMillis, String reason) {

    public RenderResult {
        headers = Map.copyOf(headers);
    }

    /** True when this is a snapshot to serve, false for a failure. */
    public boolean ok() {
        return reason == null;
    }
}
