package dev.rendergate.farm.freshness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the CloudFront API: answers CreateInvalidation and GetInvalidation in the
 * 2020-05-31 REST XML, reporting {@code InProgress} for the first {@code pollsUntilDone} reads, and records
 * every request.
 */
final class CloudFrontStandIn implements AutoCloseable {
    static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    /** One request as received. */
    record Seen(String method, String path, String body, String authorization) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final int pollsUntilDone;

    CloudFrontStandIn(int pollsUntilDone) throws IOException {
        this.pollsUntilDone = pollsUntilDone;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(exchange.getRequestMethod(), path, body, exchange.getRequestHeaders().getFirst("Authorization")));
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST") && path.matches("/2020-05-31/distribution/[^/]+/invalidation")) {
                exchange.getResponseHeaders().add("Location", "https://cloudfront.amazonaws.com" + path + "/I1");
                send(exchange, 201, invalidation("InProgress", body));
            } else if (exchange.getRequestMethod().equals("GET")
                    && path.matches("/2020-05-31/distribution/[^/]+/invalidation/I1")) {
                String status = reads.incrementAndGet() > pollsUntilDone ? "Completed" : "InProgress";
                send(exchange, 200, invalidation(status, ""));
            } else {
                send(exchange, 404, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>NoSuchInvalidation"
                        + "</Code><Message>no</Message></Error><RequestId>r</RequestId></ErrorResponse>");
            }
        }
    }

    private static String invalidation(String status, String batch) {
        String inner = batch.contains("<InvalidationBatch") ? batch.substring(batch.indexOf("<InvalidationBatch"))
                .replaceFirst("<InvalidationBatch[^>]*>", "<InvalidationBatch>") : "";
        return "<?xml version=\"1.0\"?><Invalidation xmlns=\"" + NS + "\"><Id>I1</Id><Status>" + status
                + "</Status><CreateTime>2026-11-28T17:00:00Z</CreateTime>" + inner + "</Invalidation>";
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amz-request-id", "req-1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
