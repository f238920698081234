package dev.rendergate.farm.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The status and headers a page declares for crawlers through meta tags, in both dialects:
 * {@code prerender-status-code}/{@code prerender-header} and {@code render:status_code}/{@code render:header}.
 * Reading them removes them from the document.
 *
 * @param status  the declared status, if any (100–599)
 * @param headers declared headers that may pass ({@link HeaderPolicy#fromMeta})
 */
record PageSignals(OptionalInt status, Map<String, String> headers) {

    /** Reads and removes the signal metas of {@code doc}. */
    static PageSignals extract(Document doc) {
        OptionalInt status = OptionalInt.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Element meta : doc.select("meta[name], meta[property]")) {
            String name = (meta.hasAttr("name") ? meta.attr("name") : meta.attr("property")).toLowerCase(Locale.ROOT);
            String content = meta.attr("content").strip();
            if (name.equals("prerender-status-code") || name.equals("render:status_code")) {
                status = parseStatus(content).isPresent() ? parseStatus(content) : status;
                meta.remove();
            } else if (name.equals("prerender-header") || name.equals("render:header")) {
                int colon = content.indexOf(':');
                if (colon > 0 && HeaderPolicy.fromMeta(content.substring(0, colon).strip())) {
                    headers.put(canonical(content.substring(0, colon).strip()), content.substring(colon + 1).strip());
                }
                meta.remove();
            }
        }
        return new PageSignals(status, headers);
    }

    private static OptionalInt parseStatus(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 100 && v <= 599 ? OptionalInt.of(v) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code location} → {@code Location}, {@code x-robots-tag} → {@code X-Robots-Tag}. */
    static String canonical(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }
}
