package dev.rendergate.farm.seo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where two renders of one page differ in what a crawler takes from them. Status, title, description, canonical,
 * robots, headings, hreflang, social fields, JSON-LD and links must match exactly; the visible text must be at
 * least {@value #TEXT_SIMILARITY} alike (word multiset overlap), so a clock or a counter on the page does not count
 * as a difference while a missing section does.
 *
 * @param differing the names of the facts that differ, e.g. {@code [links, jsonLd, text 0.81]}; empty when the
 *                  renders agree
 */
public record FactsComparison(List<String> differing) {
    /** Minimum share of words two visible texts must have in common. */
    public static final double TEXT_SIMILARITY = 0.95;

    public FactsComparison {
        differing = List.copyOf(differing);
    }

    /** Compares a candidate render with the reference render of the same page. */
    public static FactsComparison of(SeoFacts reference, SeoFacts candidate) {
        List<String> out = new ArrayList<>();
        check(out, "status", reference.status(), candidate.status());
        check(out, "title", reference.title(), candidate.title());
        check(out, "description", reference.description(), candidate.description());
        check(out, "canonical", reference.canonical(), candidate.canonical());
        check(out, "robots", reference.robots(), candidate.robots());
        check(out, "h1", reference.h1s(), candidate.h1s());
        check(out, "hreflang", reference.hreflang(), candidate.hreflang());
        check(out, "social", reference.social(), candidate.social());
        check(out, "jsonLd", reference.jsonLd(), candidate.jsonLd());
        check(out, "links", reference.links(), candidate.links());
        double similarity = textSimilarity(reference.text(), candidate.text());
        if (similarity < TEXT_SIMILARITY) {
            out.add(String.format(java.util.Locale.ROOT, "text %.2f", similarity));
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
        if (text.isEmpty()) {
            return;
        }
        for (String word : text.split(" ")) {
            counts.computeIfAbsent(word, w -> new int[2])[side]++;
        }
    }

    private static void check(List<String> out, String name, Object reference, Object candidate) {
        if (!reference.equals(candidate)) {
            out.add(name);
        }
    }
}
