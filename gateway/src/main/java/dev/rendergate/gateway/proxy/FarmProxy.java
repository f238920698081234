package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.http.CrawlerAnswer;
import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.metrics.Upstream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Sends a crawler's request to the prerender farm in prerender.io form ({@code GET <farm>/<absolute
 * public URL>}) over pooled keep-alive connections and streams the rendered page back. A farm that is
 * unreachable, too slow, or answers 4xx/5xx with {@code X-Rendergate-Reason} (a failed render, or a refusal:
 * wrong token, origin not allowed) is a failure handed to the caller's fallback; any other status (the page's
 * own 404, 301 ...) is the page's answer.
 */
public final class FarmProxy implements AutoCloseable {

    private static final String DEVICE = "X-Rendergate-Device";

    private final FarmConnections connections;
    private final String hostHeader;
    private final String basePath;
    private final long responseTimeoutNanos;
    private final LocalSnapshots local;
    private final Consumer<String> errors;

    /**
     * A farm reached over HTTP, whose fresh hits {@code local} (may be null) hands over in process; its failures
     * are counted in {@code metrics}.
     */
    public FarmProxy(URI farmBase, Duration connectTimeout, Duration responseTimeout, LocalSnapshots local,
                     GatewayMetrics metrics) {
        boolean https = "https".equals(farmBase.getScheme());
        int port = farmBase.getPort() > 0 ? farmBase.getPort() : https ? 443 : 80;
        this.connections = new FarmConnections(farmBase.getHost(), port, (int) Math.min(Integer.MAX_VALUE,
                connectTimeout.toMillis()), https ? clientSsl() : null);
        this.hostHeader = farmBase.getPort() > 0 ? farmBase.getHost() + ":" + port : farmBase.getHost();
        String path = farmBase.getRawPath() == null ? "" : farmBase.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.responseTimeoutNanos = responseTimeout.toNanos();
        this.local = local;
        this.errors = reason -> metrics.upstreamError(Upstream.FARM, reason);
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to the farm", e);
        }
    }

    /**
     * Asks the farm for {@code publicUrl}; {@code farmHeaders} (token, device, bot) go with the request,
     * {@code decorate} adds the gateway's own response headers ({@code Vary}, cache policy). Call on the
     * exchange's event loop.
     */
    public void render(Exchange ex, String publicUrl, Map<String, String> farmHeaders,
                       Consumer<HttpHeaders> decorate, Consumer<UpstreamFailure> onFailure) {
        if (!isRequestTarget(publicUrl)) {
            onFailure.accept(new UpstreamFailure("bad-url", 0));
            return;
        }
        if (local != null) {
            Optional<LocalSnapshots.Answer> hit = local.freshHit(publicUrl, farmHeaders.getOrDefault(DEVICE, ""));
            if (hit.isPresent()) {
                answer(ex, hit.get(), decorate);
                return;
            }
        }
        new FarmCall(ex, connections, hostHeader, basePath + "/" + publicUrl, farmHeaders, decorate, onFailure, errors)
                .start(responseTimeoutNanos);
    }

    /** Writes a hit the local farm handed over, with the same headers a proxied answer would carry. */
    private static void answer(Exchange ex, LocalSnapshots.Answer hit, Consumer<HttpHeaders> decorate) {
        boolean head = ex.isHead();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(hit.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(hit.body()));
        HttpHeaders headers = response.headers();
        for (Map.Entry<String, String> header : hit.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, hit.body().length);
        ex.farmAnswer(headers.get("X-Rendergate-Cache"), headers.get("X-Rendergate-Render-Ms"));
        ex.answeredBy(CrawlerAnswer.LOCAL_HIT);
        decorate.accept(headers);
        ex.finish(ex.ctx().writeAndFlush(ex.prepare(response)), hit.status(), head ? 0 : hit.body().length);
    }

    /** Only visible ASCII may go into the request line; anything else could split it. */
    private static boolean isRequestTarget(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return !url.isEmpty();
    }

    @Override
    public void close() {
        // Pooled connections live on the server's event loops and close with them.
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
