package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rendergate.farm.Farm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rendergate audit} against a real farm and a loopback site whose pages have known problems. */
class AuditCommandIT {
  private FreshnessFixtures.Site site;
  private Farm farm;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    site = new FreshnessFixtures.Site(List.of("/", "/p/1", "/p/2", "/broken"));
    farm = FreshnessFixtures.farmFor(site);
  }

  @AfterEach
  void stop() {
    farm.stop();
    site.close();
  }

  @Test
  void audit_sitemap_tablesProblemsAndWorstPages_writesCsvAndJson_failsOnErrors() throws Exception {
    int code = run("audit", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN,
        "--device", "mobile,desktop", "--concurrency", "2", "--out", dir.toString());

    assertThat(code).as(err.toString()).isEqualTo(1);
    String text = out.toString();
    assertThat(text).contains("audited 8 pages").containsPattern("PROBLEM\\s+SEVERITY\\s+PAGES\\s+WHY IT MATTERS");
    // Every fixture page keeps the shell's title "shell", has no description and only a heading of text.
    assertThat(text).containsPattern("title-duplicate\\s+warning\\s+6\\s")
        .containsPattern("description-missing\\s+warning\\s+6\\s").containsPattern("empty-render\\s+error\\s+6\\s");
    // The origin answers 500 for /broken: the farm serves its error page, the audit flags it.
    assertThat(text).containsPattern("server-error\\s+error\\s+2\\s")
        .containsPattern("error\\s+mobile\\s+500\\s+server-error\\s+" + site.origin() + "/broken");
    assertThat(err.toString()).contains("auditing 4 pages x 2 devices").contains("progress 100% 8/8");

    List<String> csv = Files.readAllLines(dir.resolve("audit.csv"));
    assertThat(csv).hasSize(9);
    assertThat(csv.get(0)).isEqualTo("url,device,status,engine,render_ms,title,severity,problems,failure");
    assertThat(csv).anyMatch(l -> l.startsWith(site.origin() + "/p/1,mobile,200,htmlunit,") && l.contains("empty-render"));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("audit.json").toFile());
    assertThat(json.path("summary").path("pages").asInt()).isEqualTo(8);
    assertThat(json.path("summary").path("problems").path("empty-render").asInt()).isEqualTo(6);
    assertThat(json.path("pages")).hasSize(8);
  }

  @Test
  void audit_failOnNever_exitsZero_andBadOptionsSayWhatToFix() {
    assertThat(run("audit", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN,
        "--fail-on", "never")).isEqualTo(0);
    assertThat(run("audit", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--fail-on", "sometimes")).isEqualTo(1);
    assertThat(err.toString()).contains("--fail-on takes error, warning, notice or never");
    assertThat(run("audit", site.origin() + "/sitemap.xml", "--farm", "http://127.0.0.1:1")).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the farm");
  }

  private String farmUrl() {
    return "http://127.0.0.1:" + farm.port();
  }

  private int run(String... args) {
    return Rendergate.execute(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
