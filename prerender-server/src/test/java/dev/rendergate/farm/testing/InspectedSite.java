package dev.rendergate.farm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A site on 127.0.0.1:0 for the inspector's tests: pages built to have (or not have) each SEO problem, and one
 * page whose content a test changes between renders. Pages are plain HTML, so every engine renders them alike.
 */
public final class InspectedSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    private InspectedSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        pages.put("/doctors/17-emma-schwarz", doctor("Dr. Emma Schwarz", "Mitte"));
        pages.put("/gone", page("Page not found | MedBook", "Sorry, that page does not exist.", "<h1>Page not found</h1>"
                + "<p>The doctor you are looking for is not listed any more.</p>", ""));
        pages.put("/private", page("Staff area | MedBook", "Internal notes for the clinic staff.",
                "<h1>Staff area</h1><p>" + words(40) + "</p>", "<meta name=\"robots\" content=\"noindex, nofollow\">"));
        pages.put("/changing", doctor("Dr. Jonas Weber", "Kreuzberg"));
    }

    public static InspectedSite start() throws IOException {
        return new InspectedSite();
    }

    /** {@code http://127.0.0.1:port} */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    /** Replaces the page at {@code /changing} with another doctor's profile. */
    public void change(String doctor, String district) {
        pages.put("/changing", doctor(doctor, district));
    }

    private String doctor(String name, String district) {
        return page(name + ", cardiologist in Berlin | MedBook", "Book an appointment with " + name
                        + ", cardiologist at the " + district + " clinic in Berlin.",
                "<h1>" + name + "</h1><p>" + name + " is a cardiologist at the " + district + " clinic. " + words(40)
                        + "</p><p><a href=\"/doctors\">All doctors</a> <a href=\"https://maps.example.org/\">Map</a></p>",
                "<meta property=\"og:title\" content=\"" + name + "\"><meta property=\"og:description\" content=\""
                        + "Cardiologist in " + district + "\"><meta name=\"twitter:card\" content=\"summary\">"
                        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Physician\","
                        + "\"name\":\"" + name + "\"}</script>");
    }

    private static String page(String title, String description, String body, String head) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"description\" content=\"" + description + "\">" + head + "</head><body>" + body
                + "</body></html>";
    }

    private static String words(int n) {
        StringBuilder text = new StringBuilder();
        String[] pool = {"heart", "health", "appointment", "clinic", "care", "patients", "languages", "reviews"};
        for (int i = 0; i < n; i++) {
            text.append(pool[i % pool.length]).append(' ');
        }
        return text.toString().trim() + ".";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "<html><body>missing</body></html>" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
