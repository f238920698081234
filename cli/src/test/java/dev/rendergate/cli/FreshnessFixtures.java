package dev.rendergate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback fixtures of the warm and invalidate tests: a small site with a sitemap ({@link Site}), a farm
 * allowed to render it, and a stand-in for the CloudFront API ({@link CloudFront}).
 */
final class FreshnessFixtures {
  static final String TOKEN = "warm-token";

  private FreshnessFixtures() {
  }

  static Farm farmFor(Site site) {
    return Farm.create(FarmConfig.defaults()
        .withAllowedOrigin(site.origin())
        .withPrivateAddressException("127.0.0.1:" + site.port())
        .withEngine(EngineMode.HTMLUNIT)
        .withToken(TOKEN)
        .withPoolSize(2)
        .withRenderTimeout(Duration.ofSeconds(20))
        .withNetworkIdle(Duration.ofMillis(200))).start();
  }

  /** Pages {@code /}, {@code /p/1} .. {@code /p/5} rendered by script, {@code /broken} (500), {@code /sitemap.xml}. */
  static final class Site implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    Site(List<String> sitemapPaths) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      server.createContext("/", this::handle);
      server.start();
      for (String path : List.of("/", "/p/1", "/p/2", "/p/3", "/p/4", "/p/5")) {
        page(path, "Page " + path);
      }
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
      sitemapPaths.forEach(p -> xml.append("<url><loc>").append(origin()).append(p).append("</loc></url>"));
      pages.put("/sitemap.xml", xml.append("</urlset>").toString());
    }

    void page(String path, String text) {
      pages.put(path, "<!DOCTYPE html><html><head><title>shell</title></head><body><div id=\"app\"></div><script>"
          + "document.getElementById('app').innerHTML='<h1>" + text + "</h1>';</script></body></html>");
    }

    String origin() {
      return "http://127.0.0.1:" + port();
    }

    int port() {
      return server.getAddress().getPort();
    }

    int hits(String path) {
      AtomicInteger n = hits.get(path);
      return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try (exchange) {
        String body = pages.get(path);
        int status = path.equals("/broken") ? 500 : body == null ? 404 : 200;
        byte[] bytes = (body == null ? "<html><body>error</body></html>" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/xml" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** Answers CreateInvalidation and GetInvalidation (Completed on the second read), recording each request. */
  static final class CloudFront implements AutoCloseable {
    record Seen(String method, String path, String body, long atNanos) {
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    CloudFront() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.createContext("/", this::handle);
      server.start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, System.nanoTime()));
      String status = exchange.getRequestMethod().equals("POST") || reads.incrementAndGet() < 2 ? "InProgress" : "Completed";
      byte[] xml = ("<?xml version=\"1.0\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
          + "<Id>INV1</Id><Status>" + status + "</Status><CreateTime>2026-11-28T17:00:00Z</CreateTime></Invalidation>")
          .getBytes(StandardCharsets.UTF_8);
      try (exchange) {
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, xml.length);
        exchange.getResponseBody().write(xml);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
