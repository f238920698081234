package dev.rendergate.farm.freshness;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.http.FarmJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A farm's HTTP API as the warm and invalidate commands use it: cache status, render, recache, each
 * request with the token and its own timeout. Failures come back as reasons, never as exceptions.
 */
public final class FarmApiClient implements WarmTarget {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_RECACHE_WAIT = Duration.ofMinutes(30);

    private final HttpClient http;
    private final URI farm;
    private final String token;
    private final Duration timeout;

    /**
     * @param http    the client (shared; its connect timeout applies)
     * @param farm    the farm's base URL, e.g. {@code http://127.0.0.1:3000}
     * @param token   the {@code X-Prerender-Token}, or {@code null}
     * @param timeout per request; a render longer than this counts as failed with reason {@code timeout}
     */
    public FarmApiClient(HttpClient http, URI farm, String token, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        String base = farm.toString();
        this.farm = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = token;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public CacheState state(URI url, Device device) {
        try {
            HttpResponse<String> response = send(get("/cache/status?url=" + enc(url.toString()) + "&device="
                    + device.label()), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return CacheState.UNKNOWN;
            }
            return CacheState.fromLabel(FarmJson.parse(response.body()).path("state").asText());
        } catch (IOException | RuntimeException e) {
            return CacheState.UNKNOWN;
        }
    }

    @Override
    public Attempt render(URI url, Device device) {
        try {
            HttpResponse<Void> response = send(get("/render?url=" + enc(url.toString()) + "&device="
                    + device.label()), HttpResponse.BodyHandlers.discarding());
            String cache = response.headers().firstValue("X-Rendergate-Cache").orElse("-");
            String reason = response.headers().firstValue("X-Rendergate-Reason").orElse(null);
            if (reason == null && (response.statusCode() >= 500 || response.statusCode() == 401)) {
                reason = "http-" + response.statusCode();
            }
            return new Attempt(response.statusCode(), cache, reason);
        } catch (IOException e) {
            return Attempt.failed(0, reasonOf(e));
        }
    }

    @Override
    public Attempt recache(URI url, Device device) {
        RecacheSummary summary = recache(List.of(url.toString()), null, device);
        if (summary.recached() == 1) {
            return new Attempt(200, "MISS", null);
        }
        return Attempt.failed(0, summary.failed().isEmpty() ? "not-recached" : summary.failed().get(0).reason());
    }

    /**
     * {@code POST /recache} for {@code urls} (at most {@link RecacheRequest#MAX_URLS}) or a {@code prefix}.
     * A request the farm refused comes back as one failure carrying its reason.
     */
    public RecacheSummary recache(List<String> urls, String prefix, Device device) {
        return recache(urls, prefix, device, null);
    }

    /** As {@link #recache(List, String, Device)}, naming the build (deploy) that triggered it, or {@code null}. */
    public RecacheSummary recache(List<String> urls, String prefix, Device device, String buildId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (prefix != null) {
            body.put("prefix", prefix);
        } else {
            body.put("urls", urls);
        }
        if (device != null) {
            body.put("device", device.label());
        }
        if (buildId != null) {
            body.put("buildId", buildId);
        }
        Duration budget = timeout.multipliedBy(Math.max(1, urls.size()));
        HttpRequest request = builder("/recache").timeout(budget.compareTo(MAX_RECACHE_WAIT) > 0 ? MAX_RECACHE_WAIT : budget)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        String what = prefix != null ? prefix : urls.size() == 1 ? urls.get(0) : urls.size() + " urls";
        String deviceLabel = device == null ? "all" : device.label();
        try {
            HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String reason = response.headers().firstValue("X-Rendergate-Reason").orElse("http-" + response.statusCode());
                return new RecacheSummary(0, 0, List.of(new RecacheSummary.Failure(what, deviceLabel, reason)));
            }
            return parseSummary(response.body());
        } catch (IOException | RuntimeException e) {
            return new RecacheSummary(0, 0, List.of(new RecacheSummary.Failure(what, deviceLabel, reasonOf(e))));
        }
    }

    private static RecacheSummary parseSummary(String body) {
        if (body.length() > MAX_ERROR_BODY * 16) {
            throw new IllegalArgumentException("unexpected recache answer");
        }
        try {
            return FarmJson.MAPPER.readValue(body, RecacheSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unexpected recache answer: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object body) {
        try {
            return FarmJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest get(String pathAndQuery) {
        return builder(pathAndQuery).GET().build();
    }

    private HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(farm + pathAndQuery)).timeout(timeout);
        return token == null ? b : b.header("X-Prerender-Token", token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String reasonOf(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof ConnectException) {
            return "farm-unreachable";
        }
        return e instanceof IOException ? "io-error" : "bad-answer";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
