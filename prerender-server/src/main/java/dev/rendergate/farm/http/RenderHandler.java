package dev.rendergate.farm.http;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.RenderResult;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;

/** {@code GET /render?url=...} and {@code GET /<absolute-url>}: token, URL, device → the farm → the snapshot. */
final class RenderHandler implements HttpHandler {
    private final Farm farm;
    private final TokenCheck tokens;

    RenderHandler(Farm farm, TokenCheck tokens) {
        this.farm = farm;
        this.tokens = tokens;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            FailureResponses.respond(exchange, 405, "method-not-allowed", "only GET and HEAD render");
            return;
        }
        if (!tokens.accepts(exchange.getRequestHeaders().getFirst(FarmHeaders.TOKEN))) {
            throw new UnauthorizedException();
        }
        boolean renderForm = exchange.getRequestPath().equals("/render");
        String url = renderForm ? queryParam(exchange, "url") : prerenderIoUrl(exchange);
        String deviceLabel = renderForm ? queryParam(exchange, "device") : null;
        if (deviceLabel == null) {
            deviceLabel = exchange.getRequestHeaders().getFirst(FarmHeaders.DEVICE);
        }
        RenderResult result = farm.render(url, Device.fromLabel(deviceLabel));
        farm.metrics().request(result.ok() ? "rendered" : "failed");
        send(exchange, result);
    }

    private static void send(HttpServerExchange exchange, RenderResult result) {
        exchange.setStatusCode(result.status());
        for (Map.Entry<String, String> h : result.headers().entrySet()) {
            exchange.getResponseHeaders().put(HttpString.tryFromString(h.getKey()), HeaderText.safe(h.getValue()));
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, result.ok() ? "text/html; charset=utf-8"
                : "text/plain; charset=utf-8");
        exchange.getResponseHeaders().put(FarmHeaders.ENGINE, result.engine());
        exchange.getResponseHeaders().put(FarmHeaders.CACHE, result.cache());
        exchange.getResponseHeaders().put(FarmHeaders.RENDER_MS, result.renderMillis());
        if (!result.ok()) {
            exchange.getResponseHeaders().put(FarmHeaders.REASON, HeaderText.safe(result.reason()));
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        }
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(result.html(), StandardCharsets.UTF_8);
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
