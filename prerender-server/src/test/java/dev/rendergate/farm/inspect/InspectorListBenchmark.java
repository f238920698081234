package dev.rendergate.farm.inspect;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.http.FarmJson;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one request of the snapshot list costs on the server with 10,000 snapshots kept: filter, sort, page and
 * write the JSON, as {@code GET /inspect/api/snapshots} does. Pages are ~30 KB doctor profiles with a few planted
 * problems, half mobile and half desktop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InspectorListBenchmark {
    @Param("10000")
    int snapshots;

    private SnapshotIndex index;

    @Setup(Level.Trial)
    public void fill() {
        index = new SnapshotIndex(4L << 30, new SeoChecks(SeoChecks.DEFAULT_RENDER_BUDGET), EngineDisagreements.NONE,
                Clock.systemUTC());
        for (int i = 0; i < snapshots; i++) {
            Device device = i % 2 == 0 ? Device.MOBILE : Device.DESKTOP;
            URI url = URI.create("https://www.example.com/doctors/" + (i / 2) + "-doctor-" + (i / 2));
            Snapshot page = new Snapshot(i % 97 == 0 ? 404 : 200, Map.of(), page(i / 2), i % 3 == 0 ? "chromium" : "htmlunit",
                    80 + (i * 37L) % 4000, Instant.now().minusSeconds(i));
            index.record(CacheKey.of(url, device), page);
        }
    }

    @Benchmark
    public String firstPageNewestFirst() throws Exception {
        return list(Map.of());
    }

    @Benchmark
    public String textFilterSortedByTitle() throws Exception {
        return list(Map.of("q", "doctor-12", "sort", "title"));
    }

    @Benchmark
    public String flaggedMobileSortedByRenderTime() throws Exception {
        return list(Map.of("flag", "any", "device", "mobile", "sort", "renderMs", "order", "desc"));
    }

    @Benchmark
    public String lastPageSortedByUrl() throws Exception {
        return list(Map.of("sort", "url", "page", String.valueOf(snapshots / 50), "size", "50"));
    }

    private String list(Map<String, String> params) throws Exception {
        return FarmJson.MAPPER.writeValueAsString(index.list(SnapshotQuery.from(new HashMap<>(params)::get)));
    }

    static String page(int n) {
        StringBuilder body = new StringBuilder(32_000);
        String name = "Dr. Doctor " + n;
        body.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(name)
                .append(n % 50 == 0 ? "" : ", cardiologist in Berlin | MedBook").append("</title>");
        if (n % 40 != 0) {
            body.append("<meta name=\"description\" content=\"Book an appointment with ").append(name)
                    .append(" at the Mitte clinic.\">");
        }
        body.append("<link rel=\"canonical\" href=\"https://www.example.com/doctors/").append(n).append("-doctor-").append(n)
                .append("\"><meta property=\"og:title\" content=\"").append(name).append("\">")
                .append("<script type=\"application/ld+json\">{\"@type\":\"Physician\",\"name\":\"").append(name)
                .append(n % 60 == 0 ? "\"," : "\"").append("}</script></head><body><header><nav>");
        for (int i = 0; i < 40; i++) {
            body.append("<a href=\"/specialties/s").append(i).append("\">Specialty ").append(i).append("</a> ");
        }
        body.append("</nav></header><main><h1>").append(name).append("</h1>");
        while (body.length() < 30_000) {
            body.append("<p>").append(name).append(" treats heart conditions, offers check-ups and speaks German, English "
                    + "and Turkish. Patients praise the short waiting times and clear explanations.</p>");
        }
        return body.append("</main></body></html>").toString();
    }
}
