package dev.rendergate.farm.inspect.audit;

import dev.rendergate.edge.detect.Device;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Fetches pages through a farm's render API ({@code GET /render?url=&device=} with the token). */
public final class FarmPageFetcher implements PageFetcher {
    /** Bigger snapshots are cut here: the checks need the head and the text, not megabytes of markup. */
    private static final int MAX_BYTES = 8 << 20;

    private final HttpClient http;
    private final String farm;
    private final String token;
    private final Duration timeout;

    /**
     * @param farm    the farm's base URL
     * @param token   its {@code X-Prerender-Token}, or {@code null}
     * @param timeout per page
     */
    public FarmPageFetcher(HttpClient http, URI farm, String token, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.farm = farm.toString().replaceAll("/+$", "");
        this.token = token;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Fetched fetch(URI url, Device device) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(farm + "/render?url="
                + URLEncoder.encode(url.toString(), StandardCharsets.UTF_8) + "&device=" + device.label())).timeout(timeout);
        if (token != null) {
            request.header("X-Prerender-Token", token);
        }
        try {
            HttpResponse<byte[]> r = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders h = r.headers();
            String reason = h.firstValue("X-Rendergate-Reason").orElse(null);
            if (reason != null || r.statusCode() == 401) {
                return Fetched.failed(r.statusCode(), reason == null ? "unauthorized" : reason);
            }
            byte[] body = r.body();
            String html = new String(body, 0, Math.min(body.length, MAX_BYTES), StandardCharsets.UTF_8);
            return new Fetched(r.statusCode(), headers(h), html, h.firstValue("X-Rendergate-Engine").orElse("-"),
                    h.firstValue("X-Rendergate-Render-Ms").map(FarmPageFetcher::number).orElse(0L), null);
        } catch (HttpTimeoutException e) {
            return Fetched.failed(0, "timeout");
        } catch (ConnectException e) {
            return Fetched.failed(0, "farm-unreachable");
        } catch (IOException e) {
            return Fetched.failed(0, "io-error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.failed(0, "interrupted");
        }
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                kept.put(name, values.get(0));
            }
        });
        return kept;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
