package dev.rendergate.farm.render.chromium;

import dev.rendergate.farm.guard.EngineSchemes;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Answers every paused request of a tab ({@code Fetch.requestPaused}): images, fonts and media are
 * never fetched, a scheme {@link EngineSchemes} refuses ({@code file:} and the like) or a URL the caller's
 * predicate rejects is failed as blocked-by-client, and the main
 * document's response is inspected so a redirect is reported instead of followed.
 */
final class RequestGate {
    private static final Set<String> NEVER_FETCHED = Set.of("Image", "Media", "Font");
    private static final String MARKER_HEADER = "X-Prerender";

    private final CdpConnection cdp;
    private final String sessionId;
    private final Executor checks;

    RequestGate(CdpConnection cdp, String sessionId, Executor checks) {
        this.cdp = cdp;
        this.sessionId = sessionId;
        this.checks = checks;
    }

    Executor checks() {
        return checks;
    }

    /** The {@code Fetch.enable} patterns: every request, plus documents again at the response stage. */
    static List<Object> patterns() {
        return List.of(
                Map.of("urlPattern", "*", "requestStage", "Request"),
                Map.of("urlPattern", "*", "resourceType", "Document", "requestStage", "Response"));
    }

    /** Decides one paused request; the predicate may block (DNS), so it runs off the socket thread. */
    void onPaused(Map<String, Object> params, PageLoad load, Predicate<URI> allow) {
        String requestId = (String) params.get("requestId");
        if (load == null) {
            fail(requestId);
            return;
        }
        if (params.containsKey("responseStatusCode") || params.containsKey("responseErrorReason")) {
            onResponse(requestId, params, load);
            return;
        }
        String type = String.valueOf(params.get("resourceType"));
        if (NEVER_FETCHED.contains(type)) {
            fail(requestId);
            return;
        }
        Map<?, ?> request = params.get("request") instanceof Map ? (Map<?, ?>) params.get("request") : Map.of();
        String url = String.valueOf(request.get("url"));
        Object headers = request.get("headers");
        try {
            checks.execute(() -> decide(requestId, url, headers, allow));
        } catch (RejectedExecutionException e) {
            fail(requestId);
        }
    }

    private void decide(String requestId, String url, Object headers, Predicate<URI> allow) {
        boolean allowed;
        try {
            URI uri = URI.create(url);
            EngineSchemes.Kind kind = EngineSchemes.of(uri.getScheme());
            allowed = kind == EngineSchemes.Kind.IN_ENGINE || (kind == EngineSchemes.Kind.NETWORK && allow.test(uri));
        } catch (RuntimeException e) {
            allowed = false;
        }
        if (allowed) {
            cdp.send(sessionId, "Fetch.continueRequest", Map.of("requestId", requestId, "headers", withMarker(headers)));
        } else {
            fail(requestId);
        }
    }

    private void onResponse(String requestId, Map<String, Object> params, PageLoad load) {
        boolean main = load.mainFrameId().equals(params.get("frameId"));
        Object code = params.get("responseStatusCode");
        int status = code instanceof Long ? ((Long) code).intValue() : 0;
        if (!main || status == 0) {
            cdp.send(sessionId, "Fetch.continueRequest", Map.of("requestId", requestId));
            return;
        }
        boolean redirect = status >= 300 && status < 400;
        load.mainResponse(status, headers(params.get("responseHeaders")), redirect);
        if (redirect) {
            // The crawler must see the origin's redirect itself, so it is reported, not followed.
            cdp.send(sessionId, "Fetch.failRequest", Map.of("requestId", requestId, "errorReason", "Aborted"));
        } else {
            cdp.send(sessionId, "Fetch.continueRequest", Map.of("requestId", requestId));
        }
    }

    /**
     * The request's headers plus {@code X-Prerender: 1}. Added here, below the page's CORS checks:
     * set as an extra header for the whole page, it would turn every cross-origin API call into a
     * preflighted one, which many APIs refuse.
     */
    private static List<Object> withMarker(Object headers) {
        List<Object> out = new ArrayList<>();
        if (headers instanceof Map) {
            ((Map<?, ?>) headers).forEach((name, value) -> {
                if (!MARKER_HEADER.equalsIgnoreCase(String.valueOf(name))) {
                    out.add(Map.of("name", String.valueOf(name), "value", String.valueOf(value)));
                }
            });
        }
        out.add(Map.of("name", MARKER_HEADER, "value", "1"));
        return out;
    }

    private void fail(String requestId) {
        cdp.send(sessionId, "Fetch.failRequest", Map.of("requestId", requestId, "errorReason", "BlockedByClient"));
    }

    private static Map<String, String> headers(Object list) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list instanceof List) {
            for (Object entry : (List<?>) list) {
                if (entry instanceof Map) {
                    Map<?, ?> header = (Map<?, ?>) entry;
                    out.merge(String.valueOf(header.get("name")), String.valueOf(header.get("value")), (a, b) -> a + ", " + b);
                }
            }
        }
        return out;
    }
}
