package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.Farm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code rendergate warm} against a real farm and a loopback site, through the farm's HTTP API. */
class WarmCommandIT {
  private FreshnessFixtures.Site site;
  private Farm farm;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    site = new FreshnessFixtures.Site(List.of("/", "/p/1", "/p/2", "/p/3", "/broken"));
    farm = FreshnessFixtures.farmFor(site);
  }

  @AfterEach
  void stop() {
    farm.stop();
    site.close();
  }

  @Test
  void warm_sitemap_rendersEachPageForEachDeviceAndTablesFailures() {
    int code = run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN,
        "--concurrency", "2");

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("warmed 10 renders").contains("rendered 8, skipped 0 (already fresh), failed 2");
    assertThat(out.toString()).containsPattern("STATUS\\s+DEVICE\\s+REASON\\s+URL")
        .containsPattern("\\d{3}\\s+mobile\\s+\\S+\\s+" + site.origin() + "/broken")
        .containsPattern("\\d{3}\\s+desktop\\s+\\S+\\s+" + site.origin() + "/broken");
    assertThat(err.toString()).contains("warming 5 pages x 2 devices").contains("progress 100% 10/10");
    assertThat(site.hits("/p/1")).isEqualTo(2);
  }

  @Test
  void warm_secondRun_skipsFreshPagesAndRendersNothing() {
    assertThat(run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN,
        "--device", "mobile")).isEqualTo(1);
    int before = site.hits("/p/2");
    out.getBuffer().setLength(0);

    run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN, "--device", "mobile");

    assertThat(out.toString()).contains("rendered 0, skipped 4 (already fresh), failed 1");
    assertThat(site.hits("/p/2")).isEqualTo(before);
  }

  @Test
  void warm_force_rendersFreshPagesAgain() {
    run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN, "--device", "desktop");
    int before = site.hits("/p/3");
    out.getBuffer().setLength(0);

    run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", FreshnessFixtures.TOKEN, "--device",
        "desktop", "--force");

    assertThat(out.toString()).contains("rendered 4, skipped 0");
    assertThat(site.hits("/p/3")).isEqualTo(before + 1);
  }

  @Test
  void warm_userErrors_sayWhatToFix() {
    assertThat(run("warm", site.origin() + "/nope.xml", "--farm", farmUrl())).isEqualTo(1);
    assertThat(err.toString()).contains("HTTP 404").contains("give a sitemap.xml");
    assertThat(run("warm", site.origin() + "/sitemap.xml", "--farm", "http://127.0.0.1:1")).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the farm at http://127.0.0.1:1").contains("--farm");
    assertThat(run("warm", "x.xml", "--farm", farmUrl(), "--device", "watch")).isEqualTo(1);
    assertThat(err.toString()).contains("--device takes mobile and/or desktop");
  }

  @Test
  void warm_wrongToken_reportsUnauthorizedPerPage() {
    assertThat(run("warm", site.origin() + "/sitemap.xml", "--farm", farmUrl(), "--token", "wrong", "--device",
        "desktop")).isEqualTo(1);
    assertThat(out.toString()).contains("failed 5").containsPattern("401\\s+desktop\\s+unauthorized");
  }

  private String farmUrl() {
    return "http://127.0.0.1:" + farm.port();
  }

  private int run(String... args) {
    return Rendergate.execute(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
