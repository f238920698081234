package dev.rendergate.farm.http;

import dev.rendergate.farm.prerender.RenderResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the farm answers for a render result: status, headers and body. Built in one place for the farm's
 * HTTP server and for a gateway in the same process that takes cache hits straight from the farm.
 *
 * @param status  the HTTP status
 * @param headers response headers in order, values made header-safe
 * @param body    the page (shared with the snapshot: never modify)
 */
public record SnapshotResponse(int status, Map<String, String> headers, byte[] body) {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    /** The response for {@code result}, with the farm's own headers (engine, cache state, render time). */
    public static SnapshotResponse of(RenderResult result) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : result.headers().entrySet()) {
            headers.put(h.getKey(), HeaderText.safe(h.getValue()));
        }
        headers.put("Content-Type", result.ok() ? HTML : TEXT);
        headers.put(FarmHeaders.ENGINE.toString(), result.engine());
        headers.put(FarmHeaders.CACHE.toString(), result.cache());
        headers.put(FarmHeaders.RENDER_MS.toString(), Long.toString(result.renderMillis()));
        if (!result.ok()) {
            headers.put(FarmHeaders.REASON.toString(), HeaderText.safe(result.reason()));
            headers.put("Cache-Control", "no-store");
        }
        return new SnapshotResponse(result.status(), headers, result.body());
    }
}
