package dev.rendergate.farm.inspect;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.seo.SeoFacts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One rendered version of a page as the inspector keeps it: what was served, its SEO facts and problems, and the
 * HTML, deflated (a 30 KB page keeps a few KB).
 *
 * @param id           the page's id in the inspector ({@link SnapshotId})
 * @param url          the normalised URL (the cache key's)
 * @param device       the device class it was rendered for
 * @param status       the status crawlers get
 * @param headers      the headers kept with the snapshot
 * @param engine       the engine that rendered it
 * @param renderMillis how long the render took
 * @param renderedAt   when
 * @param bytes        size of the HTML in bytes
 * @param facts        its SEO facts
 * @param problems     its problems (page checks; duplicate titles are judged across pages when listed)
 * @param renderedAs   the crawler an inspector user rendered it as, or {@code null}
 * @param deflatedHtml the HTML, deflated
 */
public record SnapshotRecord(String id, String url, Device device, int status, Map<String, String> headers,
                             String engine, long renderMillis, Instant renderedAt, int bytes, SeoFacts facts,
                             List<Problem> problems, String renderedAs, byte[] deflatedHtml) {

    /** Heap an entry costs besides its deflated HTML: facts, strings and object headers, estimated. */
    private static final int OVERHEAD = 2_048;

    public SnapshotRecord {
        headers = Map.copyOf(headers);
        problems = List.copyOf(problems);
    }

    /** A copy marked as rendered as {@code crawler}. */
    public SnapshotRecord renderedAs(String crawler) {
        return new SnapshotRecord(id, url, device, status, headers, engine, renderMillis, renderedAt, bytes, facts,
                problems, crawler, deflatedHtml);
    }

    /** The HTML, inflated on every call. */
    public String html() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflatedHtml);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes));
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept snapshot does not inflate", e);
        } finally {
            inflater.end();
        }
    }

    /** Estimated heap of this record, for the history's byte bound. */
    public long weight() {
        return OVERHEAD + deflatedHtml.length + 2L * url.length();
    }

    /** {@code html}'s UTF-8 bytes, deflated. */
    static byte[] deflate(byte[] html) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(html);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, html.length / 4));
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Metadata only: a page body never goes into a log line. */
    @Override
    public String toString() {
        return "SnapshotRecord[" + id + " " + device.label() + " " + url + " status=" + status + "]";
    }
}
