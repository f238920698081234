package dev.rendergate.gateway.origin;

import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.proxy.OriginProxy;
import dev.rendergate.gateway.proxy.UpstreamFailure;
import dev.rendergate.gateway.statics.CachePolicy;
import dev.rendergate.gateway.statics.Site;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPA from an HTTP(S) origin: each request path is checked and re-encoded ({@link OriginPath}),
 * appended to the origin URL (the query string stays at the edge) and streamed through
 * {@link OriginProxy}. When the origin fails, a file gets 502 (504 when it was too slow) with the reason;
 * the SPA shell gets its last good copy from {@link ShellCache}, which also answers crawler fallbacks and
 * is fetched at start and renewed, at most once per {@link #SHELL_FRESH}, while the shell is asked for.
 */
public final class OriginSite implements Site {

    private static final Logger LOG = LoggerFactory.getLogger(OriginSite.class);
    /** How long a fetched shell is given without asking the origin again. */
    static final Duration SHELL_FRESH = Duration.ofSeconds(5);
    private static final String REASON = "X-Rendergate-Reason";
    private static final String OWN_PREFIX = "x-rendergate-";

    private final String base;
    private final String shellPath;
    private final OriginProxy proxy;
    private final ShellCache shell;
    /** Whether the origin answered last time: failures are logged when it stops, not on every request. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    OriginSite(URI origin, String shellPath, OriginProxy proxy, ShellCache shell) {
        String url = origin.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.shellPath = shellPath;
        this.proxy = proxy;
        this.shell = shell;
    }

    /**
     * A site over {@code origin} whose SPA shell is {@code shellPath} (e.g. {@code /index.html}), kept in
     * memory up to {@code maxShellBytes}; the origin's failures are counted in {@code metrics}.
     */
    public static OriginSite of(URI origin, String shellPath, Duration connectTimeout, Duration responseTimeout,
                                int maxShellBytes, GatewayMetrics metrics) {
        OriginProxy proxy = new OriginProxy(connectTimeout, responseTimeout, metrics);
        URI shellUri = URI.create(stripSlash(origin.toString()) + OriginPath.of(shellPath));
        ShellCache cache = new ShellCache(() -> fetchShell(proxy, shellUri, maxShellBytes), SHELL_FRESH, System::nanoTime);
        return new OriginSite(origin, shellPath, proxy, cache);
    }

    private static CompletableFuture<ShellCache.Shell> fetchShell(OriginProxy proxy, URI uri, int maxBytes) {
        return proxy.get(uri, maxBytes).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("origin answered " + response.statusCode() + " for " + uri.getRawPath());
            }
            return new ShellCache.Shell(response.body(), header(response, "content-type", "text/html; charset=utf-8"),
                    header(response, "etag", null), header(response, "last-modified", null), System.nanoTime());
        });
    }

    private static String header(HttpResponse<?> response, String name, String otherwise) {
        return response.headers().firstValue(name).orElse(otherwise);
    }

    @Override
    public String route() {
        return "origin";
    }

    @Override
    public void warm() {
        shell.refresh();
    }

    @Override
    public void serve(Exchange ex, String rawPath, HttpHeaders extra) {
        HttpMethod method = ex.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            ex.sendText(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed",
                    new DefaultHttpHeaders().set(HttpHeaderNames.ALLOW, "GET, HEAD"));
            return;
        }
        String path = OriginPath.of(rawPath);
        if (path == null) {
            boolean rejected = OriginPath.rejected(rawPath);
            ex.sendText(rejected ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.NOT_FOUND,
                    rejected ? "bad request path" : "not found", rejected ? null : extra);
            return;
        }
        boolean isShell = path.equals(OriginPath.of(shellPath));
        if (isShell) {
            // People's traffic keeps the copy for the fallbacks current, at most one fetch per fresh time.
            shell.refreshIfStale();
        }
        proxy.fetch(ex, URI.create(base + path), headers -> answered(headers, path, extra),
                failure -> failed(ex, path, isShell, failure, extra));
    }

    @Override
    public void serveShell(Exchange ex, String shellPath, HttpHeaders extra, Runnable orElse) {
        if (!shellPath.equals(this.shellPath)) {
            orElse.run();
            return;
        }
        shell.get(ex.ctx().executor(), copy -> {
            if (copy == null) {
                orElse.run();
            } else {
                send(ex, copy, extra);
            }
        });
    }

    private void failed(Exchange ex, String path, boolean isShell, UpstreamFailure failure, HttpHeaders extra) {
        if (answering.getAndSet(false)) {
            LOG.atWarn().addKeyValue("path", path).addKeyValue("reason", failure.reason())
                    .addKeyValue("status", failure.status())
                    .log("the site's origin fails; assets get 502/504 and the shell its last good copy until it answers");
        } else {
            LOG.atDebug().addKeyValue("path", path).addKeyValue("reason", failure.reason()).log("origin failed");
        }
        ShellCache.Shell copy = isShell ? shell.lastGood() : null;
        if (copy != null) {
            HttpHeaders headers = new DefaultHttpHeaders().set(REASON, failure.reason())
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            send(ex, copy, merge(headers, extra));
            return;
        }
        ex.sendText(failure.edgeStatus(), "the site's origin could not answer (" + failure.reason() + "), retry later",
                new DefaultHttpHeaders().set(REASON, failure.reason()));
    }

    /** The in-memory shell, whole (a conditional or ranged request gets the full copy: always correct). */
    private static void send(Exchange ex, ShellCache.Shell copy, HttpHeaders extra) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                ex.isHead() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(copy.body()));
        HttpHeaders h = response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, copy.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, copy.body().length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        if (copy.etag() != null) {
            h.set(HttpHeaderNames.ETAG, copy.etag());
        }
        if (copy.lastModified() != null) {
            h.set(HttpHeaderNames.LAST_MODIFIED, copy.lastModified());
        }
        if (extra != null) {
            merge(h, extra);
        }
        ex.finish(ex.ctx().writeAndFlush(ex.prepare(response)), 200, ex.isHead() ? 0 : copy.body().length);
    }

    private void answered(HttpHeaders headers, String path, HttpHeaders extra) {
        if (!answering.getAndSet(true)) {
            LOG.atInfo().addKeyValue("path", path).log("the site's origin answers again");
        }
        decorate(headers, path, extra);
    }

    /**
     * The origin's headers minus any of the edge's own, plus the route's {@code extra} ones. Without a
     * {@code Cache-Control} from the origin the folder's policy applies, so the shell is revalidated after
     * a deploy exactly as with {@code --site}, and hashed assets are kept for a year.
     */
    private static void decorate(HttpHeaders headers, String path, HttpHeaders extra) {
        if (!headers.contains(HttpHeaderNames.CACHE_CONTROL)) {
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            headers.set(HttpHeaderNames.CACHE_CONTROL,
                    CachePolicy.of(fileName, headers.get(HttpHeaderNames.CONTENT_TYPE, "")));
        }
        List<String> own = new ArrayList<>(0);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().toLowerCase(Locale.ROOT).startsWith(OWN_PREFIX)) {
                own.add(header.getKey());
            }
        }
        own.forEach(headers::remove);
        if (extra != null) {
            merge(headers, extra);
        }
    }

    /** Adds {@code extra} to {@code headers}: a {@code Vary} is appended to, everything else replaced. */
    private static HttpHeaders merge(HttpHeaders headers, HttpHeaders extra) {
        if (extra == null) {
            return headers;
        }
        for (Map.Entry<String, String> header : extra) {
            String vary = headers.get(HttpHeaderNames.VARY);
            if (header.getKey().equalsIgnoreCase(HttpHeaderNames.VARY.toString()) && vary != null) {
                if (!vary.toLowerCase(Locale.ROOT).contains(header.getValue().toLowerCase(Locale.ROOT))) {
                    headers.set(HttpHeaderNames.VARY, vary + ", " + header.getValue());
                }
            } else {
                headers.set(header.getKey(), header.getValue());
            }
        }
        return headers;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        proxy.close();
    }
}
