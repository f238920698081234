package dev.rendergate.farm.http;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.limit.ClientAddress;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** {@code GET /render?url=...} and {@code GET /<absolute-url>}: token, URL, device → the farm → the snapshot. */
final class RenderHandler implements HttpHandler {

    private final Prerenderer farm;
    private final TokenCheck tokens;

    RenderHandler(Prerenderer farm, TokenCheck tokens) {
        this.farm = farm;
        this.tokens = tokens;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!isGetOrHead(exchange)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            FailureResponses.respond(exchange, 405, "method-not-allowed", "only GET and HEAD render");
            return;
        }
        if (!tokens.accepts(exchange.getRequestHeaders().getFirst(FarmHeaders.TOKEN))) {
            throw new UnauthorizedException();
        }
        RenderResult result = farm.render(url(exchange), device(exchange), client(exchange));
        farm.metrics().request(result.ok() ? "rendered" : "failed");
        send(exchange, result);
    }

    /**
     * Answers the request if it is a cache hit, without blocking (an I/O thread calls this): a GET or HEAD with
     * the right token for a URL whose fresh snapshot is in this node's memory, or a URL the guard refuses on
     * its form alone. Anything else (a miss, a stale snapshot, a wrong method or token) is left to
     * {@link #handleRequest} on a worker thread.
     *
     * @return whether the exchange was answered
     */
    boolean answerFromCache(HttpServerExchange exchange) {
        if (!isGetOrHead(exchange) || !tokens.accepts(exchange.getRequestHeaders().getFirst(FarmHeaders.TOKEN))) {
            return false;
        }
        Optional<RenderResult> hit;
        try {
            hit = farm.cachedHit(url(exchange), device(exchange));
        } catch (RejectedRequestException e) {
            FailureResponses.send(exchange, e, farm.metrics());
            return true;
        }
        if (hit.isEmpty()) {
            return false;
        }
        farm.metrics().request("rendered");
        send(exchange, hit.get());
        return true;
    }

    private static boolean isGetOrHead(HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        return method.equals(Methods.GET) || method.equals(Methods.HEAD);
    }

    private static String url(HttpServerExchange exchange) {
        return isRenderForm(exchange) ? queryParam(exchange, "url") : prerenderIoUrl(exchange);
    }

    private static Device device(HttpServerExchange exchange) {
        String label = isRenderForm(exchange) ? queryParam(exchange, "device") : null;
        return Device.fromLabel(label != null ? label : exchange.getRequestHeaders().getFirst(FarmHeaders.DEVICE));
    }

    /** Who a render of a miss is charged to: the viewer's address the edge forwarded, else the peer's. */
    private static String client(HttpServerExchange exchange) {
        return ClientAddress.key(exchange.getRequestHeaders().getFirst(ClientAddress.HEADER), exchange.getSourceAddress());
    }

    private static boolean isRenderForm(HttpServerExchange exchange) {
        return exchange.getRequestPath().equals("/render");
    }

    private static void send(HttpServerExchange exchange, RenderResult result) {
        SnapshotResponse response = SnapshotResponse.of(result);
        HeaderMap headers = exchange.getResponseHeaders();
        exchange.setStatusCode(response.status());
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.put(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        // A fresh wrapper per response: the array is shared by every response of the snapshot, a buffer's
        // position is not.
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }

    private static String queryParam(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }

    /** The prerender.io form: everything after the first slash, query included, undecoded. */
    static String prerenderIoUrl(HttpServerExchange exchange) {
        String path = exchange.getRequestURI();
        int schemeEnd = path.indexOf("://");
        if (schemeEnd < 0 || !path.startsWith("/")) {
            String raw = path.startsWith("/") ? path.substring(1) : path;
            // Some proxies merge "//" into "/": put the authority's slashes back.
            raw = raw.replaceFirst("^(?i)(https?):/(?!/)", "$1://");
            return withQuery(raw, exchange.getQueryString());
        }
        return withQuery(path.substring(1), exchange.getQueryString());
    }

    private static String withQuery(String url, String query) {
        return query == null || query.isEmpty() ? url : url + "?" + query;
    }
}
