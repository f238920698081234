package dev.rendergate.farm.seo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rendergate.farm.http.FarmJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where two renders of one page differ in what a crawler takes from them. The {@link SeoFacts} (status, titles,
 * descriptions, canonical, robots, hreflang, {@code h1}s, Open Graph and Twitter fields) must match exactly, and so
 * must the JSON-LD blocks (compared as JSON) and the set of links; the visible text must be at least
 * {@value #TEXT_SIMILARITY} alike (word multiset overlap), so a clock or a counter on the page does not count as a
 * difference while a missing section does.
 *
 * @param differing the names of the facts that differ, e.g. {@code [links, jsonLd, text 0.81]}; empty when the
 *                  renders agree
 */
public record FactsComparison(List<String> differing) {
    /** Minimum share of words two visible texts must have in common. */
    public static final double TEXT_SIMILARITY = 0.95;
    private static final int MAX_LINKS = 5_000;

    public FactsComparison {
        differing = List.copyOf(differing);
    }

    /**
     * Compares a candidate render of {@code url} with the reference render.
     *
     * @param status each render's HTTP status (a status meta in the page overrides it, as for the crawler)
     */
    public static FactsComparison of(URI url, String referenceHtml, int referenceStatus, String candidateHtml,
                                     int candidateStatus) {
        Page reference = Page.of(url, referenceHtml, referenceStatus);
        Page candidate = Page.of(url, candidateHtml, candidateStatus);
        List<String> out = new ArrayList<>();
        SeoFacts r = reference.facts;
        SeoFacts c = candidate.facts;
        check(out, "status", r.status(), c.status());
        check(out, "title", r.titles(), c.titles());
        check(out, "description", r.descriptions(), c.descriptions());
        check(out, "canonical", r.canonical(), c.canonical());
        check(out, "robots", r.robots(), c.robots());
        check(out, "hreflang", r.hreflang(), c.hreflang());
        check(out, "h1", r.h1(), c.h1());
        check(out, "social", List.of(r.openGraph(), r.twitter()), List.of(c.openGraph(), c.twitter()));
        check(out, "jsonLd", reference.jsonLd, candidate.jsonLd);
        check(out, "links", reference.links, candidate.links);
        double similarity = textSimilarity(reference.text, candidate.text);
        if (similarity < TEXT_SIMILARITY) {
            out.add(String.format(Locale.ROOT, "text %.2f", similarity));
        }
        return new FactsComparison(out);
    }

    /** True when nothing a crawler cares about differs. */
    public boolean agree() {
        return differing.isEmpty();
    }

    /**
     * The share of words two texts have in common, counting repeats: the sum of the smaller counts over the sum of
     * the larger counts (1 for two empty texts).
     */
    static double textSimilarity(String a, String b) {
        Map<String, int[]> counts = new HashMap<>();
        count(counts, a, 0);
        count(counts, b, 1);
        long common = 0;
        long all = 0;
        for (int[] c : counts.values()) {
            common += Math.min(c[0], c[1]);
            all += Math.max(c[0], c[1]);
        }
        return all == 0 ? 1.0 : (double) common / all;
    }

    private static void count(Map<String, int[]> counts, String text, int side) {
        for (String word : text.split("\\s+")) {
            if (!word.isEmpty()) {
                counts.computeIfAbsent(word, w -> new int[2])[side]++;
            }
        }
    }

    private static void check(List<String> out, String name, Object reference, Object candidate) {
        if (!Objects.equals(reference, candidate)) {
            out.add(name);
        }
    }

    /** One render, read once: its SEO facts and what else the comparison needs of it. */
    private record Page(SeoFacts facts, List<Object> jsonLd, SortedSet<String> links, String text) {

        static Page of(URI url, String html, int httpStatus) {
            Document doc = Jsoup.parse(html, url.toString());
            SeoFacts facts = SeoFactsReader.read(url.toString(), declaredStatus(doc, httpStatus), Map.of(), doc);
            return new Page(facts, jsonLd(doc), links(doc), visibleText(doc));
        }

        /** A status meta (prerender.io's or the render: dialect) overrides the HTTP status, as for the crawler. */
        private static int declaredStatus(Document doc, int httpStatus) {
            for (Element meta : doc.select("meta[name=prerender-status-code], meta[name=render:status_code]")) {
                try {
                    int declared = Integer.parseInt(meta.attr("content").strip());
                    if (declared >= 100 && declared <= 599) {
                        return declared;
                    }
                } catch (NumberFormatException ignored) {
                    // the renderer ignores an unreadable status meta too
                }
            }
            return httpStatus;
        }

        /** Each block as parsed JSON (so formatting does not count), or its text when it does not parse. */
        private static List<Object> jsonLd(Document doc) {
            List<Object> blocks = new ArrayList<>();
            for (Element script : doc.select("script[type=application/ld+json]")) {
                String text = script.data().strip();
                try {
                    JsonNode parsed = FarmJson.parse(text);
                    blocks.add(parsed);
                } catch (IllegalArgumentException e) {
                    blocks.add(text);
                }
            }
            return blocks;
        }

        private static SortedSet<String> links(Document doc) {
            SortedSet<String> out = new TreeSet<>();
            for (Element a : doc.select("a[href]")) {
                String href = a.absUrl("href");
                if (href.startsWith("http://") || href.startsWith("https://")) {
                    int hash = href.indexOf('#');
                    out.add(hash < 0 ? href : href.substring(0, hash));
                    if (out.size() >= MAX_LINKS) {
                        break;
                    }
                }
            }
            return out;
        }

        private static String visibleText(Document doc) {
            Document copy = doc.clone();
            copy.select("script, style, noscript, template").remove();
            return copy.body() == null ? "" : copy.body().text();
        }
    }
}
