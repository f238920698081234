package dev.rendergate.farm.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.inspect.seo.ProblemKind;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SnapshotIndexTest {
    private static final String WORDS = "Cardiologist at the Mitte clinic in Berlin, twenty years of practice, speaks German"
            + " and English, books appointments online within two days for new patients.";
    private final Map<String, String> disagreements = new ConcurrentHashMap<>();
    private final SnapshotIndex index = new SnapshotIndex(64L << 20, new SeoChecks(SeoChecks.DEFAULT_RENDER_BUDGET),
            (url, engine) -> "htmlunit".equals(engine) ? disagreements.get(url) : null, Clock.systemUTC());

    @Test
    void engineDisagreement_foundAfterTheRender_flagsTheHtmlUnitSnapshotWhenRead() {
        CacheKey served = key("/doctors/17", Device.MOBILE);
        CacheKey byChromium = key("/doctors/18", Device.MOBILE);
        index.record(served, page("Dr. Emma", "htmlunit"));
        index.record(byChromium, page("Dr. Jonas", "chromium"));
        assertThat(kinds(served)).isEmpty();

        disagreements.put(served.url(), "title, h1");
        disagreements.put(byChromium.url(), "title");

        assertThat(kinds(served)).containsExactly(ProblemKind.ENGINE_DISAGREEMENT);
        assertThat(index.problems(index.get(served).orElseThrow().current()).get(0).detail())
                .isEqualTo("differed from Chromium in: title, h1");
        assertThat(kinds(byChromium)).as("Chromium's own snapshot is not judged by HtmlUnit's disagreement").isEmpty();
        assertThat(index.list(SnapshotQuery.from(Map.of("flag", "engine-disagreement")::get)).items())
                .singleElement().satisfies(row -> assertThat(row.url()).isEqualTo(served.url()));
    }

    @Test
    void record_keepsThePreviousRender_andJudgesSharedTitlesAcrossPagesNotDevices() {
        CacheKey mobile = key("/a", Device.MOBILE);
        index.record(mobile, page("Doctors | MedBook", "htmlunit"));
        index.record(key("/a", Device.DESKTOP), page("Doctors | MedBook", "htmlunit"));
        assertThat(kinds(mobile)).as("one page, two devices: not a duplicate").isEmpty();

        index.record(key("/b", Device.MOBILE), page("Doctors | MedBook", "htmlunit"));
        index.record(mobile, page("Dr. Emma | MedBook", "chromium"));

        Versions v = index.get(mobile).orElseThrow();
        assertThat(v.current().facts().title()).isEqualTo("Dr. Emma | MedBook");
        assertThat(v.previous().facts().title()).isEqualTo("Doctors | MedBook");
        assertThat(v.previous().html()).contains("<h1>Doctors | MedBook</h1>");
        assertThat(kinds(key("/b", Device.MOBILE))).containsExactly(ProblemKind.TITLE_DUPLICATE);
    }

    private java.util.List<ProblemKind> kinds(CacheKey key) {
        return index.problems(index.get(key).orElseThrow().current()).stream().map(Problem::kind).toList();
    }

    private static CacheKey key(String path, Device device) {
        return CacheKey.of(URI.create("https://www.example.com" + path), device);
    }

    private static Snapshot page(String title, String engine) {
        return new Snapshot(200, Map.of(), "<html><head><title>" + title + "</title><meta name=\"description\" content=\""
                + "About " + title + "\"></head><body><h1>" + title + "</h1><p>" + WORDS + "</p></body></html>", engine,
                120, Instant.now());
    }
}
