package dev.rendergate.farm.freshness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback origin on port 0 for the freshness tests: a few small SPA pages rendered by script
 * ({@code /}, {@code /a}, {@code /docs/1}, {@code /docs/2}), {@code /broken} (500), sitemaps
 * ({@code /sitemap.xml}, gzip {@code /sitemap.xml.gz}, index {@code /sitemap-index.xml}) and any other
 * body put with {@link #put}; counts requests per path.
 */
final class SiteOrigin implements AutoCloseable {
    static final String[] PAGES = {"/", "/a", "/docs/1", "/docs/2"};

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private SiteOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        for (String page : PAGES) {
            put(page, page("Page " + page));
        }
        StringBuilder urlset = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String page : PAGES) {
            urlset.append("  <url><loc>").append(origin()).append(page).append("</loc></url>\n");
        }
        urlset.append("</urlset>\n");
        put("/sitemap.xml", urlset.toString());
        bodies.put("/sitemap.xml.gz", gzip(urlset.toString()));
        put("/sitemap-index.xml", "<?xml version=\"1.0\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + origin() + "/sitemap.xml.gz</loc></sitemap></sitemapindex>");
    }

    static SiteOrigin start() throws IOException {
        return new SiteOrigin();
    }

    static String page(String text) {
        return "<!DOCTYPE html><html><head><title>shell</title></head><body><div id=\"app\"></div><script>"
                + "document.title='" + text + "';document.getElementById('app').innerHTML='<h1>" + text
                + "</h1>';</script></body></html>";
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void put(String path, String body) {
        bodies.put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return origin() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many times {@code path} was requested. */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] body = bodies.get(path);
            int status = path.equals("/broken") ? 500 : body == null ? 404 : 200;
            byte[] out = body == null ? "<html><body>no</body></html>".getBytes(StandardCharsets.UTF_8) : body;
            String type = path.endsWith(".xml") ? "application/xml" : path.endsWith(".gz") ? "application/gzip"
                    : "text/html; charset=utf-8";
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
