package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.ProxyRoute;
import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.metrics.Upstream;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Other services behind the edge ({@code --route /api/=http://127.0.0.1:9000}): the request is
 * forwarded with its method, checked path, query, body and end-to-end headers, without any header a client could
 * use to pose as the edge or another hop, plus the gateway's own {@code X-Forwarded-For/-Host/-Proto}; the answer is
 * streamed back as is. An unreachable service gives 502, a slow one 504.
 */
public final class ServiceProxy implements AutoCloseable {

    /**
     * Not forwarded: hop-by-hop headers, those the client library sets itself, and those a client could use to pose
     * as the edge or as another hop ({@code Forwarded}, {@code X-Real-IP}; the prefixes below).
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "host", "content-length", "expect",
            "http2-settings", "forwarded", "x-real-ip");
    /** Edge markers ({@code x-rendergate-*}), the farm's token and prerender flags, and every {@code X-Forwarded-*}. */
    private static final List<String> NOT_FORWARDED_PREFIXES = List.of("x-rendergate-", "x-prerender", "x-forwarded-");

    private final List<ProxyRoute> routes;
    private final Duration responseTimeout;
    private final ExecutorService callbacks;
    private final HttpClient client;
    private final Consumer<String> errors;

    /** Failures of the services are counted in {@code metrics} as the {@code service} upstream's. */
    public ServiceProxy(List<ProxyRoute> routes, Duration connectTimeout, Duration responseTimeout,
                        GatewayMetrics metrics) {
        this.routes = routes.stream()
                .sorted((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length()))
                .toList();
        this.responseTimeout = responseTimeout;
        this.callbacks = Executors.newFixedThreadPool(2, FarmProxy.daemon("rendergate-route-client"));
        this.client = ProxyCall.client(connectTimeout, callbacks);
        this.errors = reason -> metrics.upstreamError(Upstream.SERVICE, reason);
    }

    /** The longest route prefix matching {@code path}, if any. */
    public ProxyRoute match(String path) {
        for (ProxyRoute route : routes) {
            if (route.matches(path)) {
                return route;
            }
        }
        return null;
    }

    /**
     * Forwards the request to {@code path} (checked and normalised by the router) with the raw {@code query}; its
     * body is copied now: the caller releases it when this returns.
     */
    public void forward(Exchange ex, FullHttpRequest request, ProxyRoute route, String path, String query) {
        URI target;
        try {
            String base = route.target().toString();
            target = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path
                    + (query.isEmpty() ? "" : "?" + query));
        } catch (IllegalArgumentException e) {
            ex.sendText(HttpResponseStatus.BAD_REQUEST, "bad request target", null);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(responseTimeout)
                .method(request.method().name(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : request.headers()) {
            if (forwardable(header.getKey())) {
                out.header(header.getKey(), header.getValue());
            }
        }
        forwardedHeaders(ex, request, out);
        try {
            new ProxyCall(ex, "route-", r -> false, failure -> failed(ex, failure), errors, headers -> { })
                    .start(client, out.build(), responseTimeout);
        } catch (IllegalArgumentException e) {
            // The JDK client refuses some header values and methods outright.
            ex.sendText(HttpResponseStatus.BAD_REQUEST, "request cannot be forwarded", null);
        }
    }

    static boolean forwardable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NOT_FORWARDED.contains(lower)) {
            return false;
        }
        for (String prefix : NOT_FORWARDED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The gateway is the edge: what a client says about earlier hops is not evidence, so the service gets the address
     * of the connection and the scheme the gateway serves (cleartext), never a chain the client wrote.
     */
    private static void forwardedHeaders(Exchange ex, FullHttpRequest request, HttpRequest.Builder out) {
        String client = ex.ctx().channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "";
        if (!client.isEmpty()) {
            out.header("X-Forwarded-For", client);
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null) {
            out.header("X-Forwarded-Host", host);
        }
        out.header("X-Forwarded-Proto", "http");
    }

    private static void failed(Exchange ex, UpstreamFailure failure) {
        HttpResponseStatus status = failure.edgeStatus();
        ex.sendText(status, status.reasonPhrase().toLowerCase(Locale.ROOT),
                new DefaultHttpHeaders().set("X-Rendergate-Reason", failure.reason()));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
