package dev.rendergate.cli;

import dev.rendergate.farm.freshness.CloudFrontInvalidations;
import dev.rendergate.farm.freshness.FarmApiClient;
import dev.rendergate.farm.freshness.RecacheRequest;
import dev.rendergate.farm.freshness.RecacheSummary;
import dev.rendergate.farm.freshness.RecacheTargets;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code rendergate invalidate}: the deploy hook. Invalidates paths in CloudFront, waits until CloudFront
 * says the invalidation completed, then recaches the matching snapshots in the farm, so no crawler gets a
 * snapshot that references the previous build's hashed assets.
 */
@Command(
    name = "invalidate",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a CloudFront invalidation for the given paths, waits until it completes, then (with --farm)",
      "recaches the farm's snapshots of those paths: a path re-renders that page, a path ending in * drops",
      "every snapshot under it. AWS credentials come from the usual places (environment, profile, role)."
    })
final class InvalidateCommand implements Callable<Integer> {

  @Option(names = "--distribution", paramLabel = "ID", required = true,
      description = "CloudFront distribution id, e.g. E2EXAMPLE. [env: RENDERGATE_DISTRIBUTION]")
  String distribution;

  @Option(names = "--paths", paramLabel = "PATHS", split = ",", required = true,
      description = "Paths to invalidate, comma separated; * only at the end, e.g. /index.html,/doctors/*. "
          + "[env: RENDERGATE_PATHS]")
  List<String> paths;

  @Option(names = "--build-id", paramLabel = "ID",
      description = "The build being deployed: part of the invalidation's caller reference and recorded on every "
          + "recached snapshot (see GET /cache/status). [env: RENDERGATE_BUILD_ID]")
  String buildId;

  @Option(names = "--farm", paramLabel = "URL",
      description = "Base URL of the farm whose snapshots to recache afterwards; none: CloudFront only. [env: RENDERGATE_FARM]")
  String farm;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The farm's X-Prerender-Token. Prefer the variable or --token-file: a value on the command line "
          + "is visible in ps. [env: RENDERGATE_TOKEN]")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the farm's token; not with --token. [env: RENDERGATE_TOKEN_FILE]")
  Path tokenFile;

  @Option(names = "--site-origin", paramLabel = "URL",
      description = "Public origin the paths belong to, e.g. https://www.example.com (needed with --farm). "
          + "[env: RENDERGATE_SITE_ORIGIN]")
  String siteOrigin;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "10m",
      description = "How long to wait for CloudFront to complete the invalidation. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_WAIT]")
  Duration wait;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "10s",
      description = "How often to ask CloudFront whether it completed. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_POLL_INTERVAL]")
  Duration pollInterval;

  @Option(names = "--recache-timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "Budget per page of the farm's recache. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_RECACHE_TIMEOUT]")
  Duration recacheTimeout;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "CloudFront API endpoint override (a test stand-in or a proxy); default AWS's. [env: RENDERGATE_ENDPOINT]")
  String endpoint;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    RecacheTargets targets = recacheTargets();
    String farmToken = TokenInput.resolve(spec, "--token", token, "--token-file", tokenFile);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI farmUri = farm == null ? null : WarmCommand.farmUri(farm);
    if (farmUri != null) {
      WarmCommand.checkReachable(http, farmUri);
    }
    PrintWriter err = spec.commandLine().getErr();
    try (CloudFrontInvalidations cloudFront = new CloudFrontInvalidations(endpointUri(),
        DefaultCredentialsProvider.builder().build(), Duration.ofSeconds(30))) {
      String reference = "rendergate-" + (buildId == null ? "" : buildId + "-") + System.currentTimeMillis();
      String id = cloudFront.create(distribution, paths.stream().map(String::trim).toList(), reference);
      err.printf("invalidation %s created on %s for %d paths (caller reference %s)%n", id, distribution, paths.size(),
          reference);
      err.flush();
      long start = System.nanoTime();
      boolean done = cloudFront.awaitCompleted(distribution, id, wait, pollInterval, status -> {
        err.printf("invalidation %s: %s after %ds%n", id, status, (System.nanoTime() - start) / 1_000_000_000L);
        err.flush();
      });
      if (!done) {
        throw new UserFacingException("invalidation " + id + " did not complete within " + wait.toSeconds()
            + "s; snapshots were not recached. Wait longer with --wait, then recache with 'rendergate warm --force'");
      }
    } catch (SdkException e) {
      throw new UserFacingException("CloudFront refused the invalidation: " + e.getMessage()
          + " (check the distribution id and the AWS credentials)", e);
    }
    return farmUri == null ? 0 : recache(http, farmUri, farmToken, targets);
  }

  private RecacheTargets recacheTargets() {
    try {
      if (farm != null && siteOrigin == null) {
        throw new UserFacingException("--farm needs --site-origin, the public origin the paths belong to, "
            + "e.g. --site-origin https://www.example.com");
      }
      return RecacheTargets.of(URI.create(siteOrigin == null ? "http://unused" : siteOrigin.trim()), paths);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  private URI endpointUri() {
    return endpoint == null ? null : WarmCommand.farmUri(endpoint);
  }

  private int recache(HttpClient http, URI farmUri, String farmToken, RecacheTargets targets) {
    FarmApiClient api = new FarmApiClient(http, farmUri, farmToken, recacheTimeout);
    List<RecacheSummary> results = new ArrayList<>();
    for (int from = 0; from < targets.urls().size(); from += RecacheRequest.MAX_URLS) {
      List<String> batch = targets.urls().subList(from, Math.min(targets.urls().size(), from + RecacheRequest.MAX_URLS));
      results.add(api.recache(batch, null, null, buildId));
    }
    for (String prefix : targets.prefixes()) {
      results.add(api.recache(List.of(), prefix, null, buildId));
    }
    int recached = results.stream().mapToInt(RecacheSummary::recached).sum();
    long invalidated = results.stream().mapToLong(RecacheSummary::invalidated).sum();
    List<RecacheSummary.Failure> failed = results.stream().flatMap(r -> r.failed().stream()).toList();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("recached %d snapshots, dropped %d (re-rendered on their next request), failed %d%n", recached,
        invalidated, failed.size());
    failed.forEach(f -> out.printf("failed  %-7s  %-24s  %s%n", f.device(), f.reason(), f.url()));
    out.flush();
    return failed.isEmpty() ? 0 : 1;
  }
}
