package dev.rendergate.farm.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rendergate.farm.http.FarmJson;
import dev.rendergate.farm.inspect.audit.CsvField;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The crawl report: who crawled what, how often, and what they were served; people's page views by browser, OS and
 * device. Each section is a table (rows of named columns), printed on the terminal, written as JSON and CSV, and
 * shown by the inspector.
 *
 * @param lines           lines read
 * @param skipped         lines that were not requests (headers, other loggers, malformed)
 * @param crawlerRequests requests from crawlers
 * @param humanRequests   requests from people (assets included)
 * @param humanPageViews  people's page views (what the browser, OS and device tables count)
 * @param sections        the tables, in reading order
 */
public record CrawlReport(long lines, long skipped, long crawlerRequests, long humanRequests, long humanPageViews,
                          Map<String, List<Map<String, Object>>> sections) {
    /** Rows of the ranked tables (pages, browsers...). */
    public static final int TOP = 20;
    /** Sitemap pages listed as never fetched (the count is complete). */
    public static final int MAX_UNFETCHED = 1_000;

    /** The report of {@code tally}; {@code sitemapPaths} (may be empty) are the pages crawlers should fetch. */
    public static CrawlReport of(CrawlTally t, long lines, long skipped, Set<String> sitemapPaths) {
        Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
        s.put("Crawlers", crawlers(t));
        s.put("Crawler requests per day", t.perDay.entrySet().stream().map(e -> row("day", e.getKey().toString(),
                "requests", sum(e.getValue()), "top crawlers", top(e.getValue(), 3))).toList());
        List<Map.Entry<String, Map<String, Long>>> pages = t.pages.entrySet().stream()
                .filter(e -> !e.getKey().equals(CrawlTally.OTHER_PATHS))
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey)).toList();
        s.put("Most crawled pages", pages.stream().limit(TOP).map(e -> row("path", e.getKey(), "requests",
                sum(e.getValue()), "crawlers", top(e.getValue(), 3))).toList());
        List<Map.Entry<String, Map<String, Long>>> least = new ArrayList<>(pages.subList(Math.max(0, pages.size() - TOP),
                pages.size()));
        java.util.Collections.reverse(least);
        s.put("Least crawled pages", least.stream().map(e -> row("path", e.getKey(), "requests", sum(e.getValue()),
                "crawlers", top(e.getValue(), 3))).toList());
        s.put("Status codes served to crawlers", t.statuses.entrySet().stream()
                .map(e -> row("status", e.getKey(), "requests", e.getValue())).toList());
        s.put("Cache results served to crawlers", t.cacheResults.entrySet().stream()
                .map(e -> row("cache", e.getKey(), "requests", e.getValue())).toList());
        TreeSet<String> unfetched = new TreeSet<>(sitemapPaths);
        unfetched.removeAll(t.crawledPaths());
        s.put("Sitemap pages no crawler fetched", unfetched.stream().limit(MAX_UNFETCHED)
                .map(p -> row("path", p)).toList());
        s.put("People by browser", ranked(t.browsers, "browser", t.humanPageViews));
        s.put("People by OS", ranked(t.systems, "os", t.humanPageViews));
        s.put("People by device", ranked(t.devices, "device", t.humanPageViews));
        s.put("People by device class", ranked(t.deviceClasses, "class", t.humanPageViews));
        return new CrawlReport(lines, skipped, t.crawlerRequests, t.humanRequests, t.humanPageViews, s);
    }

    private static List<Map<String, Object>> crawlers(CrawlTally t) {
        return t.crawlers.values().stream().sorted(Comparator.comparingLong(c -> -c.requests)).map(c -> {
            long hits = c.cache.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("hit"))
                    .mapToLong(Map.Entry::getValue).sum();
            long withCache = c.cache.values().stream().mapToLong(Long::longValue).sum();
            return row("crawler", c.name, "class", c.botClass, "requests", c.requests,
                    "2xx", c.statuses.getOrDefault("2xx", 0L), "3xx", c.statuses.getOrDefault("3xx", 0L),
                    "4xx", c.statuses.getOrDefault("4xx", 0L), "5xx", c.statuses.getOrDefault("5xx", 0L),
                    "cache hit %", withCache == 0 ? "-" : String.valueOf(Math.round(100.0 * hits / withCache)),
                    "p50 ms", ms(c.quantile(0.5)), "p95 ms", ms(c.quantile(0.95)));
        }).toList();
    }

    private static List<Map<String, Object>> ranked(Map<String, Long> counts, String name, long total) {
        return counts.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey)).limit(TOP)
                .map(e -> row(name, e.getKey(), "page views", e.getValue(), "share %",
                        total == 0 ? 0 : Math.round(1000.0 * e.getValue() / total) / 10.0)).toList();
    }

    /** The report as one JSON document. */
    public void writeJson(Path file) throws IOException {
        try {
            Files.writeString(file, FarmJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the crawl report as JSON", e);
        }
    }

    /** Every table in one CSV: {@code section,row,column,value}, one line per cell. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("section,row,column,value\n");
            for (Map.Entry<String, List<Map<String, Object>>> section : sections.entrySet()) {
                int i = 0;
                for (Map<String, Object> row : section.getValue()) {
                    i++;
                    for (Map.Entry<String, Object> cell : row.entrySet()) {
                        out.write(CsvField.of(section.getKey()) + "," + i + "," + CsvField.of(cell.getKey()) + ","
                                + CsvField.of(String.valueOf(cell.getValue())) + "\n");
                    }
                }
            }
        }
    }

    /** The tables on a terminal, each cut at {@code rows} rows. */
    public void print(PrintWriter out, int rows) {
        out.printf("%d lines read (%d not requests): %d requests from crawlers, %d from people (%d page views)%n",
                lines, skipped, crawlerRequests, humanRequests, humanPageViews);
        for (Map.Entry<String, List<Map<String, Object>>> section : sections.entrySet()) {
            List<Map<String, Object>> table = section.getValue();
            out.printf("%n%s%s%n", section.getKey(), table.isEmpty() ? ": none" : "");
            if (table.isEmpty()) {
                continue;
            }
            List<String> columns = new ArrayList<>(table.get(0).keySet());
            List<Map<String, Object>> shown = table.subList(0, Math.min(rows, table.size()));
            Map<String, Integer> widths = new LinkedHashMap<>();
            for (String c : columns) {
                int w = c.length();
                for (Map<String, Object> row : shown) {
                    w = Math.max(w, Math.min(60, String.valueOf(row.get(c)).length()));
                }
                widths.put(c, w);
            }
            out.println(columns.stream().map(c -> pad(c.toUpperCase(Locale.ROOT), widths.get(c)))
                    .collect(Collectors.joining("  ")).stripTrailing());
            for (Map<String, Object> row : shown) {
                out.println(columns.stream().map(c -> pad(String.valueOf(row.get(c)), widths.get(c)))
                        .collect(Collectors.joining("  ")).stripTrailing());
            }
            if (table.size() > rows) {
                out.printf("... %d more rows in the JSON and CSV output%n", table.size() - rows);
            }
        }
        out.flush();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey)).limit(n).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String ms(double ms) {
        return ms < 0 ? "-" : String.valueOf(Math.round(ms));
    }

    private static String pad(String s, int width) {
        String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return String.format("%-" + width + "s", cut);
    }
}
