package dev.rendergate.gateway.statics;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.Path;
import java.util.Date;

/**
 * A file of the site as the gateway serves it: its validators, content type, cache policy and the
 * encodings it can be sent in. Immutable apart from the time it was last checked against the disk.
 */
public final class StaticFile {

    private final Path path;
    private final long size;
    private final long lastModifiedMillis;
    private final String lastModified;
    private final String contentType;
    private final String cacheControl;
    private final Variant identity;
    private final Variant gzip;
    private final Variant brotli;
    private final HttpHeaders identityWhole;
    private final HttpHeaders gzipWhole;
    private final HttpHeaders brotliWhole;
    private volatile long checkedAtNanos;

    StaticFile(Path path, long size, long lastModifiedMillis, String contentType, String cacheControl,
               Variant identity, Variant gzip, Variant brotli, long checkedAtNanos) {
        this.path = path;
        this.size = size;
        this.lastModifiedMillis = lastModifiedMillis;
        this.lastModified = DateFormatter.format(new Date(lastModifiedMillis));
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.identity = identity;
        this.gzip = gzip;
        this.brotli = brotli;
        this.checkedAtNanos = checkedAtNanos;
        this.identityWhole = ResponseHeaders.whole(this, identity);
        this.gzipWhole = gzip == null ? null : ResponseHeaders.whole(this, gzip);
        this.brotliWhole = brotli == null ? null : ResponseHeaders.whole(this, brotli);
    }

    /** Strong validator of the identity bytes: size and modification time, like nginx. */
    static String etagOf(long size, long lastModifiedMillis, String suffix) {
        return "\"" + Long.toHexString(lastModifiedMillis) + "-" + Long.toHexString(size) + suffix + "\"";
    }

    /** The real path of the file on disk. */
    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    long lastModifiedMillis() {
        return lastModifiedMillis;
    }

    String lastModified() {
        return lastModified;
    }

    String cacheControl() {
        return cacheControl;
    }

    Variant identity() {
        return identity;
    }

    Variant gzip() {
        return gzip;
    }

    Variant brotli() {
        return brotli;
    }

    /** The headers of a 200 with all of {@code variant} (one of this file's), made with the file; copy, never change. */
    HttpHeaders wholeHeaders(Variant variant) {
        return variant == identity ? identityWhole : variant == gzip ? gzipWhole : brotliWhole;
    }

    boolean hasEncodings() {
        return gzip != null || brotli != null;
    }

    /** True when {@code etag} names any encoding of this file. */
    boolean matchesEtag(String etag) {
        return etag.equals(identity.etag())
                || (gzip != null && etag.equals(gzip.etag()))
                || (brotli != null && etag.equals(brotli.etag()));
    }

    long checkedAtNanos() {
        return checkedAtNanos;
    }

    void checkedAt(long nanos) {
        checkedAtNanos = nanos;
    }

    /** Memory held by this entry, for the cache's byte bound. */
    int weight() {
        long held = 512;
        for (Variant v : new Variant[] {identity, gzip, brotli}) {
            if (v != null) {
                // The variant's ready headers, and its bytes when held.
                held += 1024 + (v.inMemory() ? v.length() : 0);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, held);
    }
}
