package dev.rendergate.farm.seo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The facts of one rendered page that a search or social crawler acts on.
 *
 * @param status      the status the crawler gets: the page's {@code prerender-status-code} (or
 *                    {@code render:status_code}) meta when present, else the HTTP status
 * @param title       the document title, whitespace collapsed
 * @param description the meta description
 * @param canonical   the canonical link, absolute, or empty
 * @param robots      the robots meta, lower case
 * @param h1s         the text of every {@code h1}, in order
 * @param hreflang    alternate language links: language → absolute URL
 * @param social      Open Graph ({@code og:*}) and Twitter card ({@code twitter:*}) fields
 * @param jsonLd      the text of every JSON-LD block, whitespace collapsed
 * @param links       every followable link ({@code a[href]}), absolute, without fragment
 * @param text        the visible text of the body, whitespace collapsed
 */
public record SeoFacts(int status, String title, String description, String canonical, String robots,
                       List<String> h1s, SortedMap<String, String> hreflang, SortedMap<String, String> social,
                       List<String> jsonLd, SortedSet<String> links, String text) {

    private static final Set<String> STATUS_METAS = Set.of("prerender-status-code", "render:status_code");
    private static final int MAX_LINKS = 5_000;

    public SeoFacts {
        h1s = List.copyOf(h1s);
        hreflang = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hreflang));
        social = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(social));
        jsonLd = List.copyOf(jsonLd);
        links = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(links));
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads the facts of {@code html}, rendered at {@code pageUrl} and answered with {@code httpStatus}.
     * Bounded: at most {@value #MAX_LINKS} links are kept.
     */
    public static SeoFacts of(String html, URI pageUrl, int httpStatus) {
        Document doc = Jsoup.parse(html, pageUrl.toString());
        return new SeoFacts(status(doc, httpStatus), squash(doc.title()), meta(doc, "description"),
                doc.select("link[rel=canonical][href]").stream().findFirst().map(e -> e.absUrl("href")).orElse(""),
                meta(doc, "robots").toLowerCase(Locale.ROOT),
                doc.select("h1").stream().map(e -> squash(e.text())).toList(),
                hreflang(doc), social(doc),
                doc.select("script[type=application/ld+json]").stream().map(e -> squash(e.data())).toList(),
                links(doc), visibleText(doc));
    }

    /** Number of words of visible text. */
    public int wordCount() {
        return text.isEmpty() ? 0 : text.split(" ").length;
    }

    private static int status(Document doc, int httpStatus) {
        for (Element meta : doc.select("meta[name], meta[property]")) {
            String name = (meta.hasAttr("name") ? meta.attr("name") : meta.attr("property")).toLowerCase(Locale.ROOT);
            if (STATUS_METAS.contains(name)) {
                try {
                    int declared = Integer.parseInt(meta.attr("content").strip());
                    if (declared >= 100 && declared <= 599) {
                        return declared;
                    }
                } catch (NumberFormatException ignored) {
                    // an unreadable status meta is ignored, as the renderer ignores it
                }
            }
        }
        return httpStatus;
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[name=" + name + "]");
        return e == null ? "" : squash(e.attr("content"));
    }

    private static SortedMap<String, String> hreflang(Document doc) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Element link : doc.select("link[rel=alternate][hreflang][href]")) {
            out.put(link.attr("hreflang").toLowerCase(Locale.ROOT), link.absUrl("href"));
        }
        return out;
    }

    private static SortedMap<String, String> social(Document doc) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Element meta : doc.select("meta[property^=og:], meta[name^=og:], meta[name^=twitter:], "
                + "meta[property^=twitter:]")) {
            String key = (meta.hasAttr("property") ? meta.attr("property") : meta.attr("name")).toLowerCase(Locale.ROOT);
            out.putIfAbsent(key, squash(meta.attr("content")));
        }
        return out;
    }

    private static SortedSet<String> links(Document doc) {
        SortedSet<String> out = new TreeSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty() || href.startsWith("javascript:")) {
                continue;
            }
            int hash = href.indexOf('#');
            out.add(hash < 0 ? href : href.substring(0, hash));
            if (out.size() >= MAX_LINKS) {
                break;
            }
        }
        return out;
    }

    private static String visibleText(Document doc) {
        Document copy = doc.clone();
        copy.select("script, style, noscript, template").remove();
        return copy.body() == null ? "" : squash(copy.body().text());
    }

    static String squash(String s) {
        List<String> words = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }
}
