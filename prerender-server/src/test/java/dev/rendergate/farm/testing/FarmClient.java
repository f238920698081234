package dev.rendergate.farm.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A real HTTP client for a farm on 127.0.0.1. */
public final class FarmClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public FarmClient(int port) {
        this.port = port;
    }

    /** {@code GET /render?url=<url>} with extra headers. */
    public HttpResponse<String> render(String url, Map<String, String> headers) {
        return get("/render?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> render(String url) {
        return render(url, Map.of());
    }

    public HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        try {
            return http.send(request(pathAndQuery, headers), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    public CompletableFuture<HttpResponse<String>> renderAsync(String url) {
        String path = "/render?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        return http.sendAsync(request(path, Map.of()), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(b::header);
        return b.build();
    }
}
