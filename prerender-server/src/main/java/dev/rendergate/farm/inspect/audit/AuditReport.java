package dev.rendergate.farm.inspect.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rendergate.farm.http.FarmJson;
import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.inspect.seo.ProblemKind;
import dev.rendergate.farm.inspect.seo.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an audit found: every page with its problems, how long it took, and the summaries the terminal table shows;
 * written as CSV (one row per page and device) and JSON.
 *
 * @param pages   every audited page and device, worst first
 * @param elapsed how long the audit took
 * @param skipped pages of the sitemap past {@link SiteAudit#MAX_PAGES}
 */
public record AuditReport(List<AuditedPage> pages, Duration elapsed, int skipped) {

    public AuditReport {
        pages = pages.stream().sorted(Comparator.comparingInt(AuditedPage::weight).reversed()
                .thenComparing(AuditedPage::url).thenComparing(AuditedPage::device)).toList();
    }

    /** How many pages have each kind of problem, in the kinds' order. */
    public Map<ProblemKind, Long> problemsByKind() {
        Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
        for (AuditedPage page : pages) {
            for (Problem p : page.problems()) {
                counts.merge(p.kind(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Pages the farm could not render. */
    public List<AuditedPage> failures() {
        return pages.stream().filter(p -> p.failure() != null).toList();
    }

    /** The {@code n} worst pages that have a problem or failed. */
    public List<AuditedPage> worst(int n) {
        return pages.stream().filter(p -> p.worst() != null).limit(n).toList();
    }

    /** Whether any page has a problem at least as severe as {@code threshold} (a failed render is an error). */
    public boolean hasProblemAtLeast(Severity threshold) {
        return pages.stream().anyMatch(p -> p.worst() != null && p.worst().atLeast(threshold));
    }

    /** Pages (and devices) checked per second. */
    public double pagesPerSecond() {
        return elapsed.isZero() ? 0 : pages.size() / (elapsed.toNanos() / 1e9);
    }

    /** One row per page and device: {@code url,device,status,engine,render_ms,title,severity,problems,failure}. */
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,device,status,engine,render_ms,title,severity,problems,failure\n");
            for (AuditedPage p : pages) {
                out.write(String.join(",", CsvField.of(p.url()), CsvField.of(p.device()), String.valueOf(p.status()),
                        CsvField.of(p.engine()), String.valueOf(p.renderMs()), CsvField.of(p.title()),
                        CsvField.of(p.worst() == null ? "" : p.worst().label()),
                        CsvField.of(p.problems().stream().map(x -> x.kind().label()).collect(Collectors.joining(" "))),
                        CsvField.of(p.failure())));
                out.write('\n');
            }
        }
    }

    /** The summary and every page with its problems (label, severity, what was seen) as one JSON document. */
    public void writeJson(Path file) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages", pages.size());
        summary.put("skipped", skipped);
        summary.put("seconds", elapsed.toMillis() / 1000.0);
        summary.put("pagesPerSecond", Math.round(pagesPerSecond() * 100) / 100.0);
        summary.put("failed", failures().size());
        Map<String, Long> byKind = new LinkedHashMap<>();
        problemsByKind().forEach((k, v) -> byKind.put(k.label(), v));
        summary.put("problems", byKind);
        List<Map<String, Object>> rows = pages.stream().map(AuditReport::row).toList();
        try {
            Files.writeString(file, FarmJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Map.of("summary", summary, "pages", rows)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the audit as JSON", e);
        }
    }

    private static Map<String, Object> row(AuditedPage p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("url", p.url());
        row.put("device", p.device());
        row.put("status", p.status());
        row.put("engine", p.engine());
        row.put("renderMs", p.renderMs());
        row.put("title", p.title());
        row.put("failure", p.failure());
        row.put("problems", p.problems().stream().map(x -> Map.of("kind", x.kind().label(),
                "severity", x.severity().label(), "detail", x.detail())).toList());
        return row;
    }
}
