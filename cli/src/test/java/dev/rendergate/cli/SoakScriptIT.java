package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak script's short mode, as a reviewer would run it: bench/soak.sh --short starts the built jar's {@code up}
 * with Chromium rendering on free ports, sends 30 s of mixed traffic (people over the site's files, crawlers over
 * the sitemap and missing pages, a cache that evicts) and writes its report. It must see no unexpected 5xx, and the
 * report must hold every row with people's and crawlers' traffic and the samples of threads, Chromium processes and
 * heap, and the heap after a full GC at start and end.
 */
class SoakScriptIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile(
            "(?m)^\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.NaN]+ \\| (\\d+) \\| \\d+ \\| \\d+ "
                    + "\\| \\d+ \\| (\\d+) \\| (\\d+) \\| ([\\d.]+) \\|$");

    @Test
    void shortSoak_throughUpWithChromium_noUnexpected5xxAndEveryRowSampled(@TempDir Path out) throws Exception {
        assumeTrue(ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed: the soak renders with it");
        Path jar = Path.of("target", "rendergate.jar").toAbsolutePath();
        assertThat(jar).as("the jar is packaged before the integration tests").exists();
        Path report = out.resolve("soak.md");
        Path log = out.resolve("soak.log");
        ProcessBuilder soak = new ProcessBuilder("bash", REPO.resolve("bench/soak.sh").toString(), "--short")
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        soak.environment().put("JAR", jar.toString());
        soak.environment().put("REPORT", report.toString());
        soak.environment().put("CHROMIUM", ChromiumBrowser.findExecutable().get().toString());
        soak.environment().put("JAVA_HOME", System.getProperty("java.home"));

        Process process = soak.start();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String output = Files.readString(log);

        assertThat(ended).as("the short soak ends within 3 minutes; its output:\n" + output).isTrue();
        assertThat(process.exitValue()).as("exit status; the output:\n" + output).isZero();
        String text = Files.readString(report);
        List<Matcher> rows = rows(text);
        assertThat(rows).as("a row per 10 s of the 30 s run:\n" + text).hasSize(3);
        for (Matcher row : rows) {
            assertThat(Integer.parseInt(row.group(2))).as("people's requests in row " + row.group(1)).isPositive();
            assertThat(Integer.parseInt(row.group(3))).as("crawlers' requests in row " + row.group(1)).isPositive();
            assertThat(Integer.parseInt(row.group(4))).as("unexpected 5xx in row " + row.group(1)).isZero();
            assertThat(Integer.parseInt(row.group(5))).as("threads sampled").isPositive();
            assertThat(Integer.parseInt(row.group(6))).as("Chromium processes sampled under up").isPositive();
            assertThat(Double.parseDouble(row.group(7))).as("heap sampled").isPositive();
        }
        assertThat(text).containsPattern("heap after full GC: start [\\d.]+ MB, end [\\d.]+ MB")
                .contains("PASS zero unexpected 5xx");
    }

    private static List<Matcher> rows(String report) {
        List<Matcher> rows = new ArrayList<>();
        Matcher m = ROW.matcher(report);
        while (m.find()) {
            Matcher row = ROW.matcher(m.group());
            row.find();
            rows.add(row);
        }
        return rows;
    }
}
