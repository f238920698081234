package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.metrics.Upstream;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The site's HTTP origin (an S3 bucket or any web server) behind the edge: GET and HEAD of files,
 * streamed back as the origin sends them. Only the headers a file server acts on go to the origin
 * (validators, ranges, content negotiation); cookies, credentials, hop-by-hop headers and the edge's
 * own {@code X-Rendergate-*} headers never do. An origin that is unreachable, too slow or answers 5xx
 * is a failure handed to the caller. The response timeout bounds the wait for the response head and,
 * after it, each gap in the body; a large file to a slow viewer is not cut for taking long. Its failures are
 * counted as the {@code origin} upstream's.
 */
public final class OriginProxy implements AutoCloseable {

    /** Request headers forwarded to the origin; everything else stays at the edge. */
    static final Set<String> FORWARDED = Set.of("accept", "accept-encoding", "accept-language", "if-match",
            "if-none-match", "if-modified-since", "if-unmodified-since", "if-range", "range", "user-agent");

    private final Duration responseTimeout;
    private final ExecutorService callbacks;
    private final HttpClient client;
    private final Consumer<String> errors;

    public OriginProxy(Duration connectTimeout, Duration responseTimeout, GatewayMetrics metrics) {
        this.responseTimeout = responseTimeout;
        this.errors = reason -> metrics.upstreamError(Upstream.ORIGIN, reason);
        this.callbacks = Executors.newFixedThreadPool(2, FarmProxy.daemon("rendergate-origin-client"));
        this.client = ProxyCall.client(connectTimeout, callbacks);
    }

    /**
     * Fetches {@code target} for the exchange with the viewer's method and forwardable headers and streams
     * the answer; {@code decorate} adjusts the response headers, {@code onFailure} answers instead when the
     * origin fails before its response head. Call on the exchange's event loop.
     */
    public void fetch(Exchange ex, URI target, Consumer<HttpHeaders> decorate, Consumer<UpstreamFailure> onFailure) {
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(responseTimeout)
                .method(ex.request().method().name(), HttpRequest.BodyPublishers.noBody());
        for (Map.Entry<String, String> header : ex.request().headers()) {
            if (FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.header(header.getKey(), header.getValue());
            }
        }
        HttpRequest request;
        try {
            request = out.build();
        } catch (IllegalArgumentException e) {
            onFailure.accept(new UpstreamFailure("origin-bad-request", 0));
            return;
        }
        // A file may be large and the viewer slow: after the head, only a stall of the timeout ends it.
        new ProxyCall(ex, "origin-", r -> r.statusCode() >= 500, onFailure, errors, decorate, responseTimeout)
                .start(client, request, responseTimeout);
    }

    /** GETs {@code target} in full, at most {@code maxBytes} of body, within the response timeout. */
    public CompletableFuture<HttpResponse<byte[]>> get(URI target, int maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(responseTimeout).GET().build();
        return client.sendAsync(request, info -> BoundedBody.of(maxBytes))
                .orTimeout(responseTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        errors.accept("origin-" + ProxyCall.reasonOf(error));
                    } else if (response.statusCode() >= 500) {
                        errors.accept("origin-error");
                    }
                });
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
