package dev.rendergate.farm.prerender;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What the farm answers for one URL and device: the snapshot to serve, or a failure with its reason.
 *
 * <p>The body is kept as the UTF-8 bytes a response carries (a cached snapshot's own array, shared, never
 * copied: nobody may modify it), so a cache hit is written without decoding or encoding the page.
 *
 * @param status       HTTP status for the crawler
 * @param body         the snapshot HTML as UTF-8 (a short text on failure)
 * @param headers      headers for the crawler besides the farm's own (e.g. {@code Location})
 * @param engine       engine that rendered it ({@code htmlunit}, {@code chromium}, {@code none})
 * @param cache        {@code HIT}, {@code MISS} or {@code STALE} ({@code MISS} when caching is off)
 * @param renderMillis how long the render took (of the cached render, on a hit)
 * @param reason       why it failed, or null on success
 */
public record RenderResult(int status, byte[] body, Map<String, String> headers, String engine, String cache,
                           long renderMillis, String reason) {

    public RenderResult {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A result whose body is {@code html}, stored as UTF-8. */
    public RenderResult(int status, String html, Map<String, String> headers, String engine, String cache,
                        long renderMillis, String reason) {
        this(status, html.getBytes(StandardCharsets.UTF_8), headers, engine, cache, renderMillis, reason);
    }

    /** The body as a string, decoded on every call: on the response path write {@link #body()} instead. */
    public String html() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when this is a snapshot to serve, false for a failure. */
    public boolean ok() {
        return reason == null;
    }

    /** Metadata only: a page body never goes into a log line. */
    @Override
    public String toString() {
        return "RenderResult[status=" + status + ", bytes=" + body.length + ", engine=" + engine + ", cache=" + cache
                + ", renderMillis=" + renderMillis + ", reason=" + reason + "]";
    }
}
