package dev.rendergate.gateway.statics;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;

/**
 * The headers the site's answers are made of. Those of a whole file (a 200 with all of one variant) are the same
 * on every answer until the file changes, so each file makes them once ({@link #whole}) and an answer copies them:
 * a copy between headers of one factory takes each entry's hash as it is, and {@link AsciiString} values are copied
 * to the wire as bytes.
 */
final class ResponseHeaders {

    /** Our own header names and values need no per-response validation (a measurable cost per request). */
    static final HttpHeadersFactory TRUSTED = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    static final AsciiString BYTES = AsciiString.cached("bytes");

    private ResponseHeaders() {
    }

    /**
     * A 200's headers for {@code variant} of {@code file}, in the order the site has always sent them: validators,
     * cache policy, ranges, {@code Vary} when the file has encodings, type, length, encoding. Never changed once
     * made: answers copy it.
     */
    static HttpHeaders whole(StaticFile file, Variant variant) {
        HttpHeaders h = TRUSTED.newHeaders()
                .add(HttpHeaderNames.ETAG, new AsciiString(variant.etag()))
                .add(HttpHeaderNames.LAST_MODIFIED, new AsciiString(file.lastModified()))
                .add(HttpHeaderNames.CACHE_CONTROL, new AsciiString(file.cacheControl()))
                .add(HttpHeaderNames.ACCEPT_RANGES, BYTES);
        if (file.hasEncodings()) {
            h.add(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        }
        h.add(HttpHeaderNames.CONTENT_TYPE, new AsciiString(file.contentType()))
                .add(HttpHeaderNames.CONTENT_LENGTH, new AsciiString(Long.toString(variant.length())));
        if (variant.encoding() != null) {
            h.add(HttpHeaderNames.CONTENT_ENCODING, new AsciiString(variant.encoding()));
        }
        return h;
    }
}
