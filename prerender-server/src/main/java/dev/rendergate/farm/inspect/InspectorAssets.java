package dev.rendergate.farm.inspect;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inspector's own files (plain HTML, CSS and JavaScript under {@code inspect/} on the classpath, no build step)
 * and the ways it answers with a snapshot: as text, or as a preview with scripts off. Every answer carries a
 * Content-Security-Policy that allows nothing but the farm itself.
 */
final class InspectorAssets {
    /** The page may load only its own files and talk only to its own API; frames show the site's pages. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data: http: https:; frame-src 'self' http: https:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** A snapshot preview: a sandbox without scripts; the site's images, styles and fonts may load. */
    static final String PREVIEW_POLICY = "sandbox; default-src 'none'; img-src http: https: data:; "
            + "style-src http: https: 'unsafe-inline'; font-src http: https: data:; frame-ancestors 'self'";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");
    private static final Pattern HEAD = Pattern.compile("<head\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final HttpString CSP = HttpString.tryFromString("Content-Security-Policy");
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private InspectorAssets() {
    }

    /** A static file by name, 404 for anything else. */
    static void serve(HttpServerExchange exchange, String name) {
        byte[] file = NAME.matcher(name).matches() ? file(name) : null;
        if (file == null) {
            exchange.setStatusCode(404);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send("not found\n");
            return;
        }
        secure(exchange, PAGE_POLICY);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(ByteBuffer.wrap(file));
    }

    /** One of the inspector's HTML pages. */
    static void servePage(HttpServerExchange exchange, String name, int status) {
        exchange.setStatusCode(status);
        secure(exchange, PAGE_POLICY);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPES.get("html"));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Frame-Options"), "DENY");
        byte[] page = file(name);
        if (status == 401) {
            page = new String(page, StandardCharsets.UTF_8).replace("<!--error-->",
                    "<p class=\"error-box\" role=\"alert\">That is not this farm's token.</p>").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(page));
    }

    /** A snapshot's HTML as plain text (the page highlights it). */
    static void sendText(HttpServerExchange exchange, String text) {
        secure(exchange, "default-src 'none'; frame-ancestors 'none'");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }

    /**
     * A snapshot as a page for the sandboxed preview frame: a {@code <base>} makes its relative links and assets
     * point at the site, the policy keeps every script off.
     */
    static void sendPreview(HttpServerExchange exchange, String pageUrl, String html) {
        secure(exchange, PREVIEW_POLICY);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPES.get("html"));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Frame-Options"), "SAMEORIGIN");
        exchange.getResponseSender().send(withBase(html, pageUrl), StandardCharsets.UTF_8);
    }

    static String withBase(String html, String pageUrl) {
        String base = "<base href=\"" + pageUrl.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\">";
        Matcher head = HEAD.matcher(html);
        return head.find() ? html.substring(0, head.end()) + base + html.substring(head.end()) : base + html;
    }

    private static void secure(HttpServerExchange exchange, String policy) {
        exchange.getResponseHeaders().put(CSP, policy);
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's own POSTs,
        // which the cross-site check must refuse. Other sites still get no referrer.
        exchange.getResponseHeaders().put(HttpString.tryFromString("Referrer-Policy"), "same-origin");
    }

    private static byte[] file(String name) {
        return FILES.computeIfAbsent(name, n -> {
            try (InputStream in = InspectorAssets.class.getResourceAsStream("/inspect/" + n)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read inspector file " + n, e);
            }
        });
    }
}
