package dev.rendergate.farm.seo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rendergate.farm.http.FarmJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the {@link SeoFacts} of a rendered page with jsoup; pure, so every fact is tested on plain HTML. */
public final class SeoFactsReader {
    private static final int MAX_FIELD_CHARS = 2_000;

    private SeoFactsReader() {
    }

    /**
     * The facts of {@code html} as served at {@code url} with {@code status} and response {@code headers}.
     *
     * @param url an absolute URL (links and the canonical are resolved against it)
     */
    public static SeoFacts read(String url, int status, Map<String, String> headers, String html) {
        return read(url, status, headers, Jsoup.parse(html, url));
    }

    /** As {@link #read(String, int, Map, String)}, for a document already parsed with {@code url} as its base. */
    public static SeoFacts read(String url, int status, Map<String, String> headers, Document doc) {
        int[] links = links(doc, host(url));
        return new SeoFacts(url, status, header(headers, "Location"), header(headers, "X-Robots-Tag"), titles(doc),
                metaContents(doc, "description"), canonical(doc), robots(doc), hreflang(doc),
                doc.select("h1").eachText().stream().map(SeoFactsReader::bounded).toList(),
                prefixed(doc, "og:"), prefixed(doc, "twitter:"), jsonLd(doc), links[0], links[1], words(doc));
    }

    private static List<String> titles(Document doc) {
        List<String> titles = new ArrayList<>();
        for (Element title : doc.getElementsByTag("title")) {
            if (title.parents().stream().noneMatch(p -> p.normalName().equals("svg"))) {
                titles.add(bounded(title.text()));
            }
        }
        return titles;
    }

    private static List<String> metaContents(Document doc, String name) {
        List<String> values = new ArrayList<>();
        for (Element meta : doc.select("meta[name]")) {
            if (meta.attr("name").trim().equalsIgnoreCase(name)) {
                values.add(bounded(meta.attr("content").trim()));
            }
        }
        return values;
    }

    private static String canonical(Document doc) {
        for (Element link : doc.select("link[rel][href]")) {
            if (relTokens(link).contains("canonical")) {
                String href = link.absUrl("href");
                return href.isEmpty() ? bounded(link.attr("href")) : bounded(href);
            }
        }
        return null;
    }

    private static String robots(Document doc) {
        List<String> values = new ArrayList<>(metaContents(doc, "robots"));
        values.addAll(metaContents(doc, "googlebot"));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static List<SeoFacts.Hreflang> hreflang(Document doc) {
        List<SeoFacts.Hreflang> links = new ArrayList<>();
        for (Element link : doc.select("link[hreflang][href]")) {
            if (relTokens(link).contains("alternate")) {
                links.add(new SeoFacts.Hreflang(bounded(link.attr("hreflang").trim()), bounded(link.absUrl("href"))));
            }
        }
        return links;
    }

    private static Map<String, String> prefixed(Document doc, String prefix) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element meta : doc.select("meta[content]")) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            key = key.trim().toLowerCase(Locale.ROOT);
            if (key.startsWith(prefix)) {
                fields.putIfAbsent(key, bounded(meta.attr("content").trim()));
            }
        }
        return fields;
    }

    private static List<SeoFacts.JsonLdBlock> jsonLd(Document doc) {
        List<SeoFacts.JsonLdBlock> blocks = new ArrayList<>();
        for (Element script : doc.select("script[type]")) {
            if (script.attr("type").trim().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                blocks.add(jsonLdBlock(script.data().trim()));
            }
        }
        return blocks;
    }

    static SeoFacts.JsonLdBlock jsonLdBlock(String text) {
        if (text.isEmpty()) {
            return new SeoFacts.JsonLdBlock(false, List.of(), "the block is empty", 0);
        }
        try {
            JsonNode root = FarmJson.parse(text);
            List<String> types = new ArrayList<>();
            collectTypes(root, types, 0);
            return new SeoFacts.JsonLdBlock(true, types, null, text.length());
        } catch (IllegalArgumentException e) {
            return new SeoFacts.JsonLdBlock(false, List.of(), bounded(e.getMessage()), text.length());
        }
    }

    private static void collectTypes(JsonNode node, List<String> types, int depth) {
        if (depth > 2 || types.size() >= 20) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collectTypes(item, types, depth + 1));
        } else if (node.isObject()) {
            JsonNode type = node.get("@type");
            if (type != null && type.isTextual()) {
                types.add(bounded(type.asText()));
            } else if (type != null && type.isArray()) {
                type.forEach(t -> types.add(bounded(t.asText())));
            }
            JsonNode graph = node.get("@graph");
            if (graph != null) {
                collectTypes(graph, types, depth + 1);
            }
        }
    }

    /** {internal, external} counts of followable links. */
    private static int[] links(Document doc, String pageHost) {
        int[] counts = new int[2];
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (!href.startsWith("http://") && !href.startsWith("https://")) {
                continue; // javascript:, mailto:, tel:, or nothing resolvable
            }
            String host = host(href);
            counts[host != null && host.equals(pageHost) ? 0 : 1]++;
        }
        return counts;
    }

    private static int words(Document doc) {
        String text = doc.body() == null ? "" : doc.body().text();
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(c);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar || (inWord && (c == '\'' || c == '-' || c == '’'));
            i += Character.charCount(c);
        }
        return count;
    }

    private static List<String> relTokens(Element link) {
        return List.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return bounded(h.getValue());
            }
        }
        return null;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String bounded(String s) {
        return s.length() <= MAX_FIELD_CHARS ? s : s.substring(0, MAX_FIELD_CHARS) + "…";
    }
}
