package dev.rendergate.farm.inspect;

import dev.rendergate.farm.seo.SeoFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What changed between two renders of a page: the SEO fields that differ, and a line diff of the visible text
 * (one line per element's own text, in document order).
 *
 * @param before        when the earlier render was made
 * @param after         when the later render was made
 * @param fields        the fields that changed
 * @param text          the text, line by line, each marked same, added or removed
 * @param textTruncated whether either page had more than {@value #MAX_LINES} lines (the rest is not compared)
 */
public record SnapshotDiff(Instant before, Instant after, List<FieldChange> fields, List<TextLine> text,
                           boolean textTruncated) {
    /** Lines compared per page: the diff's table is at most this squared. */
    public static final int MAX_LINES = 1_000;

    /**
     * One changed field.
     *
     * @param field  its name, e.g. {@code title} or {@code og:image}
     * @param before the earlier value ({@code null} when absent)
     * @param after  the later value ({@code null} when absent)
     */
    public record FieldChange(String field, String before, String after) {
    }

    /**
     * One line of text.
     *
     * @param op   {@code same}, {@code added} or {@code removed}
     * @param text the line
     */
    public record TextLine(String op, String text) {
    }

    /** The diff from {@code earlier} to {@code later}. */
    public static SnapshotDiff of(SnapshotRecord earlier, SnapshotRecord later) {
        List<String> a = lines(earlier.html());
        List<String> b = lines(later.html());
        boolean truncated = a.size() > MAX_LINES || b.size() > MAX_LINES;
        return new SnapshotDiff(earlier.renderedAt(), later.renderedAt(), fieldChanges(earlier, later),
                textDiff(a.subList(0, Math.min(a.size(), MAX_LINES)), b.subList(0, Math.min(b.size(), MAX_LINES))),
                truncated);
    }

    static List<FieldChange> fieldChanges(SnapshotRecord earlier, SnapshotRecord later) {
        Map<String, String> before = fields(earlier);
        Map<String, String> after = fields(later);
        // Both maps list the fixed fields first, in reading order; Open Graph and Twitter fields follow.
        LinkedHashSet<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changes.add(new FieldChange(name, before.get(name), after.get(name)));
            }
        }
        return changes;
    }

    private static Map<String, String> fields(SnapshotRecord r) {
        SeoFacts f = r.facts();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", String.valueOf(r.status()));
        fields.put("location", f.location());
        fields.put("title", f.title());
        fields.put("description", f.description());
        fields.put("canonical", f.canonical());
        fields.put("robots", f.robots());
        fields.put("x-robots-tag", f.xRobotsTag());
        fields.put("h1", f.h1().isEmpty() ? null : String.join(" | ", f.h1()));
        fields.put("hreflang", f.hreflang().isEmpty() ? null : f.hreflang().stream()
                .map(h -> h.lang() + " " + h.href()).reduce((x, y) -> x + " | " + y).orElse(null));
        fields.put("json-ld", f.jsonLd().isEmpty() ? null : f.jsonLd().stream()
                .map(b -> b.valid() ? String.join("+", b.types()) : "invalid").reduce((x, y) -> x + ", " + y).orElse(null));
        fields.put("internal links", String.valueOf(f.internalLinks()));
        fields.put("external links", String.valueOf(f.externalLinks()));
        fields.put("words", String.valueOf(f.wordCount()));
        fields.put("engine", r.engine());
        fields.put("bytes", String.valueOf(r.bytes()));
        fields.putAll(f.openGraph());
        fields.putAll(f.twitter());
        return fields;
    }

    /** The visible text of {@code html}: each element's own text, in document order, blank ones left out. */
    static List<String> lines(String html) {
        Element body = Jsoup.parse(html).body();
        List<String> lines = new ArrayList<>();
        if (body == null) {
            return lines;
        }
        for (Element e : body.getAllElements()) {
            String own = e.ownText().strip();
            if (!own.isEmpty()) {
                lines.add(own);
            }
        }
        return lines;
    }

    /** A longest-common-subsequence line diff, after trimming the common head and tail. */
    static List<TextLine> textDiff(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<TextLine> out = new ArrayList<>();
        a.subList(0, head).forEach(l -> out.add(new TextLine("same", l)));
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), out);
        a.subList(a.size() - tail, a.size()).forEach(l -> out.add(new TextLine("same", l)));
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<TextLine> out) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new TextLine("same", a.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new TextLine("removed", a.get(i++)));
            } else {
                out.add(new TextLine("added", b.get(j++)));
            }
        }
        a.subList(i, a.size()).forEach(l -> out.add(new TextLine("removed", l)));
        b.subList(j, b.size()).forEach(l -> out.add(new TextLine("added", l)));
    }
}
