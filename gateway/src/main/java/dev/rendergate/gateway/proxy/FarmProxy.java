package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.http.Exchange;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Sends a crawler's request to the prerender farm in prerender.io form ({@code GET <farm>/<absolute
 * public URL>}) over a pooled keep-alive HTTP/1.1 client and streams the rendered page back. A farm
 * that is unreachable, too slow, or answers 5xx with {@code X-Rendergate-Reason} is a failure handed to
 * the caller's fallback; any other status (the page's own 404, 301 ...) is the page's answer.
 */
public final class FarmProxy implements AutoCloseable {

    private final URI farmBase;
    private final Duration responseTimeout;
    private final ExecutorService callbacks;
    private final HttpClient client;

    public FarmProxy(URI farmBase, Duration connectTimeout, Duration responseTimeout) {
        String base = farmBase.toString();
        this.farmBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.responseTimeout = responseTimeout;
        this.callbacks = Executors.newFixedThreadPool(2, daemon("rendergate-farm-client"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(callbacks)
                .build();
    }

    /**
     * Asks the farm for {@code publicUrl}; {@code farmHeaders} (token, device, bot) go with the request,
     * {@code decorate} adds the gateway's own response headers ({@code Vary}, cache policy).
     */
    public void render(Exchange ex, String publicUrl, Map<String, String> farmHeaders,
                       Consumer<HttpHeaders> decorate, Consumer<UpstreamFailure> onFailure) {
        URI target;
        try {
            target = URI.create(farmBase + "/" + publicUrl);
        } catch (IllegalArgumentException e) {
            onFailure.accept(new UpstreamFailure("bad-url", 0));
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().timeout(responseTimeout);
        farmHeaders.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                request.header(name, value);
            }
        });
        new ProxyCall(ex, "farm-", r -> r.statusCode() >= 500 && r.headers().firstValue("x-rendergate-reason").isPresent(),
                onFailure, decorate).start(client, request.build(), responseTimeout);
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
