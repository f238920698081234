package dev.rendergate.farm.cache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered page as a crawler gets it: status, the response headers worth keeping, the HTML, and
 * how it was made.
 *
 * <p>The HTML is held as UTF-8 bytes ({@link #body()}): that is what a response carries, so a cache
 * hit writes it without encoding 30 KB again, and it takes half the heap of a Java string whenever a
 * page has a single character outside Latin-1. {@link #html()} decodes it for code off the hot path.
 * The array is shared, never copied: nobody may modify it.
 *
 * @param status       the page's HTTP status (after {@code prerender-status-code} meta tags)
 * @param headers      response headers kept with the page (e.g. {@code Location} of a 301), in order
 * @param body         the serialised DOM, UTF-8
 * @param engine       which engine rendered it (e.g. {@code htmlunit}, {@code chromium})
 * @param renderMillis how long the render took
 * @param renderedAt   when the render finished
 * @param buildId      the site build the page was rendered from, or {@code null} if unknown
 */
public record Snapshot(int status, Map<String, String> headers, byte[] body, String engine, long renderMillis,
                       Instant renderedAt, String buildId) {

    /** Object headers, references and the Caffeine node an entry costs on top of its arrays and strings. */
    private static final long FIXED_OVERHEAD = 256;
    private static final long PER_ARRAY = 16;
    private static final long PER_STRING = 40;
    private static final long PER_HEADER = 48;

    public Snapshot {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, got " + status);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(renderedAt, "renderedAt");
        headers = headers == null || headers.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A snapshot of {@code html}, stored as UTF-8. */
    public Snapshot(int status, Map<String, String> headers, String html, String engine, long renderMillis,
                    Instant renderedAt, String buildId) {
        this(status, headers, Objects.requireNonNull(html, "html").getBytes(StandardCharsets.UTF_8), engine,
                renderMillis, renderedAt, buildId);
    }

    /** A snapshot of {@code html} whose site build is unknown. */
    public Snapshot(int status, Map<String, String> headers, String html, String engine, long renderMillis,
                    Instant renderedAt) {
        this(status, headers, html, engine, renderMillis, renderedAt, null);
    }

    /** The HTML as a string, decoded on every call: on the response path write {@link #body()} instead. */
    public String html() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * An estimate of the heap this snapshot occupies, in bytes: what the L1 tier's byte bound counts.
     * Strings are weighed as the JVM stores them (one byte per char when every char is Latin-1, two
     * otherwise).
     */
    public long weight() {
        long bytes = FIXED_OVERHEAD + PER_ARRAY + body.length + stringWeight(engine) + stringWeight(buildId);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            bytes += PER_HEADER + stringWeight(header.getKey()) + stringWeight(header.getValue());
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot that && status == that.status && renderMillis == that.renderMillis
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && engine.equals(that.engine)
                && renderedAt.equals(that.renderedAt) && Objects.equals(buildId, that.buildId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), engine, renderMillis, renderedAt, buildId);
    }

    /** Metadata only: a page body never goes into a log line. */
    @Override
    public String toString() {
        return "Snapshot[status=" + status + ", bytes=" + body.length + ", engine=" + engine + ", renderMillis="
                + renderMillis + ", renderedAt=" + renderedAt + ", buildId=" + buildId + ", headers=" + headers.keySet() + "]";
    }

    /** Heap bytes of a string, as {@link #weight()} counts them. */
    static long stringWeight(String s) {
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
