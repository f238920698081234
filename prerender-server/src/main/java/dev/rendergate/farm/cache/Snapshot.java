package dev.rendergate.farm.cache;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered page as a crawler gets it: status, the response headers worth keeping, the HTML, and
 * how it was made.
 *
 * @param status       the page's HTTP status (after {@code prerender-status-code} meta tags)
 * @param headers      response headers kept with the page (e.g. {@code Location} of a 301), in order
 * @param html         the serialised DOM
 * @param engine       which engine rendered it (e.g. {@code htmlunit}, {@code chromium})
 * @param renderMillis how long the render took
 * @param renderedAt   when the render finished
 * @param buildId      the site build the page was rendered from, or {@code null} if unknown
 */
public record Snapshot(int status, Map<String, String> headers, String html, String engine, long renderMillis,
                       Instant renderedAt, String buildId) {

    /** Object headers, references and the Caffeine node an entry costs on top of its strings. */
    private static final long FIXED_OVERHEAD = 256;
    private static final long PER_STRING = 40;
    private static final long PER_HEADER = 48;

    public Snapshot {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, got " + status);
        }
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(renderedAt, "renderedAt");
        headers = headers == null || headers.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A snapshot whose site build is unknown. */
    public Snapshot(int status, Map<String, String> headers, String html, String engine, long renderMillis,
                    Instant renderedAt) {
        this(status, headers, html, engine, renderMillis, renderedAt, null);
    }

    /**
     * An estimate of the heap this snapshot occupies, in bytes: what the L1 tier's byte bound counts.
     * Strings are weighed as the JVM stores them (one byte per char when every char is Latin-1, two
     * otherwise).
     */
    public long weight() {
        long bytes = FIXED_OVERHEAD + stringWeight(html) + stringWeight(engine) + stringWeight(buildId);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            bytes += PER_HEADER + stringWeight(header.getKey()) + stringWeight(header.getValue());
        }
        return bytes;
    }

    private static long stringWeight(String s) {
        if (s == null) {
            return 0;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return PER_STRING + 2L * s.length();
            }
        }
        return PER_STRING + s.length();
    }
}
