package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.Farm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rendergate invalidate}: the AWS SDK talks to a loopback stand-in for CloudFront (static test
 * credentials through the SDK's system properties), then the farm recaches what the paths cover.
 */
class InvalidateCommandIT {
  private FreshnessFixtures.Site site;
  private FreshnessFixtures.CloudFront cloudFront;
  private Farm farm;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    System.setProperty("aws.accessKeyId", "AKIDTEST");
    System.setProperty("aws.secretAccessKey", "test-secret");
    site = new FreshnessFixtures.Site(List.of("/"));
    cloudFront = new FreshnessFixtures.CloudFront();
    farm = FreshnessFixtures.farmFor(site);
  }

  @AfterEach
  void stop() {
    farm.stop();
    cloudFront.close();
    site.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void invalidate_waitsForCompletionThenRecachesThePaths() {
    farm.prerenderer().render(URI.create(site.origin() + "/p/1"), Device.DESKTOP);
    farm.prerenderer().render(URI.create(site.origin() + "/p/2"), Device.MOBILE);
    site.page("/p/1", "New build");
    int before = site.hits("/p/1");
    int beforePrefix = site.hits("/p/2");

    int code = run("invalidate", "--distribution", "E2EXAMPLE", "--paths", "/p/1,/p/2*", "--build-id", "b42",
        "--farm", "http://127.0.0.1:" + farm.port(), "--token", FreshnessFixtures.TOKEN, "--site-origin", site.origin(),
        "--endpoint", cloudFront.endpoint(), "--poll-interval", "10ms", "--wait", "30s");

    assertThat(code).as(err.toString() + out).isZero();
    List<FreshnessFixtures.CloudFront.Seen> seen = cloudFront.seen;
    assertThat(seen).extracting(FreshnessFixtures.CloudFront.Seen::method).containsExactly("POST", "GET", "GET");
    assertThat(seen.get(0).path()).isEqualTo("/2020-05-31/distribution/E2EXAMPLE/invalidation");
    assertThat(seen.get(0).body()).contains("<Quantity>2</Quantity>").contains("<Path>/p/1</Path>")
        .contains("<Path>/p/2*</Path>").containsPattern("<CallerReference>rendergate-b42-\\d+</CallerReference>");
    assertThat(seen.get(2).path()).isEqualTo("/2020-05-31/distribution/E2EXAMPLE/invalidation/INV1");
    assertThat(err.toString()).contains("invalidation INV1 created on E2EXAMPLE for 2 paths")
        .contains("invalidation INV1: InProgress").contains("invalidation INV1: Completed");
    assertThat(site.hits("/p/1")).as("re-rendered after completion").isEqualTo(before + 1);
    assertThat(site.hits("/p/2")).as("the prefix re-rendered what it covers").isEqualTo(beforePrefix + 1);
    assertThat(out.toString()).contains("recached 2 snapshots");
    assertThat(farm.prerenderer().render(URI.create(site.origin() + "/p/1"), Device.DESKTOP).html()).contains("New build");
    assertThat(farm.prerenderer().cache().peek(dev.rendergate.farm.cache.CacheKey.of(URI.create(site.origin() + "/p/2"), Device.MOBILE)))
        .as("the prefix replaced it, recording the build")
        .satisfies(snapshot -> assertThat(snapshot.buildId()).isEqualTo("b42"));
  }

  @Test
  void invalidate_withoutFarm_onlyInvalidates() {
    int code = run("invalidate", "--distribution", "E2EXAMPLE", "--paths", "/*", "--endpoint", cloudFront.endpoint(),
        "--poll-interval", "10ms");

    assertThat(code).as(err.toString()).isZero();
    assertThat(cloudFront.seen).hasSize(3);
    assertThat(out.toString()).doesNotContain("recached");
  }

  @Test
  void invalidate_badInput_failsBeforeCallingCloudFront() {
    assertThat(run("invalidate", "--distribution", "E2EXAMPLE", "--paths", "/a/*/b", "--endpoint", cloudFront.endpoint()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("may have * only at its end");
    assertThat(run("invalidate", "--distribution", "E2EXAMPLE", "--paths", "/a", "--farm", "http://127.0.0.1:" + farm.port(),
        "--endpoint", cloudFront.endpoint())).isEqualTo(1);
    assertThat(err.toString()).contains("--farm needs --site-origin");
    assertThat(cloudFront.seen).isEmpty();
  }

  private int run(String... args) {
    return Rendergate.execute(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
