package dev.rendergate.gateway.statics;

import dev.rendergate.gateway.http.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;

/**
 * The site folder over HTTP: GET and HEAD of files with validators and 304s, single byte ranges,
 * content negotiation between identity, gzip and brotli, and zero-copy sending of files that are not
 * held in memory. Nothing outside the root is reachable and directories are never listed.
 */
public final class StaticSite implements Site {

    private static final String ALLOW = "GET, HEAD";
    private static final HttpHeadersFactory TRUSTED = ResponseHeaders.TRUSTED;

    private final FileCache files;

    public StaticSite(FileCache files) {
        this.files = files;
    }

    /** A site over {@code root}, holding files up to {@code smallFileBytes} in memory within {@code cacheBytes}. */
    public static StaticSite of(Path root, int smallFileBytes, long cacheBytes) {
        return new StaticSite(FileCache.of(root, smallFileBytes, cacheBytes));
    }

    @Override
    public String route() {
        return "static";
    }

    @Override
    public void serveShell(Exchange ex, String shellPath, HttpHeaders extra, Runnable orElse) {
        Optional<StaticFile> shell = find(shellPath);
        if (shell.isPresent()) {
            serveFile(ex, shell.get(), extra);
        } else {
            orElse.run();
        }
    }

    /** The file a raw request path names, if it is safe and exists. */
    public Optional<StaticFile> find(String rawPath) {
        return SitePath.parse(rawPath) instanceof SitePath.Key key ? files.find(key.relative()) : Optional.empty();
    }

    /**
     * Answers a request for {@code rawPath}; {@code extra} headers (may be null) are added last and win,
     * e.g. {@code Vary} on a route that depends on the viewer.
     */
    @Override
    public void serve(Exchange ex, String rawPath, HttpHeaders extra) {
        SitePath path = SitePath.parse(rawPath);
        if (path instanceof SitePath.Rejected) {
            ex.sendText(HttpResponseStatus.BAD_REQUEST, "bad request path", null);
            return;
        }
        Optional<StaticFile> file = path instanceof SitePath.Key key ? files.find(key.relative()) : Optional.empty();
        if (file.isEmpty()) {
            ex.sendText(HttpResponseStatus.NOT_FOUND, "not found", extra);
            return;
        }
        serveFile(ex, file.get(), extra);
    }

    /** Answers with {@code file} itself, whatever the request path was (the SPA shell for a deep link). */
    public void serveFile(Exchange ex, StaticFile file, HttpHeaders extra) {
        HttpMethod method = ex.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            ex.sendText(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed",
                    new DefaultHttpHeaders().set(HttpHeaderNames.ALLOW, ALLOW));
            return;
        }
        HttpHeaders req = ex.request().headers();
        String rangeHeader = ex.isHead() ? null : req.get(HttpHeaderNames.RANGE);
        ByteRange range = rangeHeader == null || !ifRangeHolds(req.get(HttpHeaderNames.IF_RANGE), file)
                ? new ByteRange.Whole() : ByteRange.parse(rangeHeader, file.size());
        Variant variant = range instanceof ByteRange.Whole ? negotiate(file, req) : file.identity();
        if (notModified(req, file)) {
            send(ex, file, variant, HttpResponseStatus.NOT_MODIFIED, 0, 0, extra);
        } else if (range instanceof ByteRange.Part part) {
            send(ex, file, variant, HttpResponseStatus.PARTIAL_CONTENT, part.first(), part.length(), extra);
        } else if (range instanceof ByteRange.Unsatisfiable) {
            HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + file.size());
            ex.sendText(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range not satisfiable", headers);
        } else {
            send(ex, file, variant, HttpResponseStatus.OK, 0, variant.length(), extra);
        }
    }

    private static Variant negotiate(StaticFile file, HttpHeaders req) {
        if (!file.hasEncodings()) {
            return file.identity();
        }
        String accept = req.get(HttpHeaderNames.ACCEPT_ENCODING);
        if (file.brotli() != null && AcceptEncoding.accepts(accept, "br")) {
            return file.brotli();
        }
        if (file.gzip() != null && AcceptEncoding.accepts(accept, "gzip")) {
            return file.gzip();
        }
        return file.identity();
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    private static boolean notModified(HttpHeaders req, StaticFile file) {
        String ifNoneMatch = req.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || file.matchesEtag(t)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = req.get(HttpHeaderNames.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null) {
            return false;
        }
        Date since = DateFormatter.parseHttpDate(ifModifiedSince);
        return since != null && file.lastModifiedMillis() / 1000 <= since.getTime() / 1000;
    }

    /** A range applies only while the client's copy is current (strong ETag or exact date). */
    private static boolean ifRangeHolds(String ifRange, StaticFile file) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        return v.startsWith("\"") ? v.equals(file.identity().etag()) : v.equals(file.lastModified());
    }

    private void send(Exchange ex, StaticFile file, Variant variant, HttpResponseStatus status,
                      long first, long length, HttpHeaders extra) {
        boolean bodyless = ex.isHead() || status == HttpResponseStatus.NOT_MODIFIED;
        boolean whole = status != HttpResponseStatus.PARTIAL_CONTENT;
        ChannelHandlerContext ctx = ex.ctx();
        HttpResponse response;
        if (bodyless || variant.inMemory()) {
            ByteBuf body = bodyless ? Unpooled.EMPTY_BUFFER
                    : whole ? variant.bytes().duplicate() : variant.bytes().slice((int) first, (int) length);
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body, TRUSTED.newHeaders(),
                    EmptyHttpHeaders.INSTANCE);
        } else {
            response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, TRUSTED);
        }
        headers(response.headers(), file, variant, status, first, length, extra);
        ex.prepare(response);
        if (response instanceof DefaultFullHttpResponse) {
            ex.finish(ctx.writeAndFlush(response), status.code(), bodyless ? 0 : length);
            return;
        }
        if (ctx.channel() instanceof Http2StreamChannel) {
            sendChunked(ex, response, variant, status, first, length);
            return;
        }
        ctx.write(response);
        ctx.write(new DefaultFileRegion(variant.file().toFile(), first, length));
        ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        ex.finish(last, status.code(), length);
    }

    /** An HTTP/2 stream takes DATA frames, not a file region: the file goes out in chunks as the stream can take them. */
    private static void sendChunked(Exchange ex, HttpResponse response, Variant variant, HttpResponseStatus status,
                                    long first, long length) {
        HttpChunkedInput chunks;
        try {
            chunks = new HttpChunkedInput(new ChunkedNioFile(FileChannel.open(variant.file()), first, length, 64 * 1024));
        } catch (IOException e) {
            ex.closeAfterResponse();
            ex.sendText(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", null);
            return;
        }
        ex.ctx().write(response);
        ex.finish(ex.ctx().writeAndFlush(chunks), status.code(), length);
    }

    private static void headers(HttpHeaders h, StaticFile file, Variant variant, HttpResponseStatus status,
                                long first, long length, HttpHeaders extra) {
        if (status == HttpResponseStatus.OK) {
            h.add(file.wholeHeaders(variant));
        } else {
            partOrValidatorHeaders(h, file, variant, status, first, length);
        }
        if (extra != null) {
            for (var header : extra) {
                if (header.getKey().equalsIgnoreCase(HttpHeaderNames.VARY.toString()) && h.contains(HttpHeaderNames.VARY)) {
                    h.set(HttpHeaderNames.VARY, h.get(HttpHeaderNames.VARY) + ", " + header.getValue());
                } else {
                    h.set(header.getKey(), header.getValue());
                }
            }
        }
    }

    /** A 206's or 304's headers, made per answer: validators and cache policy, and for a 206 its type, length, encoding, range. */
    private static void partOrValidatorHeaders(HttpHeaders h, StaticFile file, Variant variant, HttpResponseStatus status,
                                               long first, long length) {
        h.set(HttpHeaderNames.ETAG, variant.etag())
                .set(HttpHeaderNames.LAST_MODIFIED, file.lastModified())
                .set(HttpHeaderNames.CACHE_CONTROL, file.cacheControl())
                .set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
        if (file.hasEncodings()) {
            h.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        }
        if (status != HttpResponseStatus.NOT_MODIFIED) {
            h.set(HttpHeaderNames.CONTENT_TYPE, file.contentType());
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
            if (variant.encoding() != null) {
                h.set(HttpHeaderNames.CONTENT_ENCODING, variant.encoding());
            }
            if (status == HttpResponseStatus.PARTIAL_CONTENT) {
                h.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + first + "-" + (first + length - 1) + "/" + file.size());
            }
        }
    }
}
