package dev.rendergate.cli;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.freshness.FarmApiClient;
import dev.rendergate.farm.freshness.SitemapReader;
import dev.rendergate.farm.freshness.WarmProgress;
import dev.rendergate.farm.freshness.WarmReport;
import dev.rendergate.farm.freshness.Warmer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rendergate warm SITEMAP}: renders every page of a sitemap through a farm so crawlers find it cached. */
@Command(
    name = "warm",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a sitemap (a file or URL; sitemap indexes and .gz sitemaps too) and renders every page for each",
      "device through the farm's HTTP API, a few at a time, with a progress bar; pages already fresh are skipped,",
      "so an interrupted run can simply be started again. Prints failures with their reasons; exit code 1 if any."
    })
final class WarmCommand implements Callable<Integer> {
  private static final int MAX_FAILURE_ROWS = 50;

  @Parameters(paramLabel = "SITEMAP", description = "Sitemap URL (http or https) or file path.")
  String sitemap;

  @Option(names = "--farm", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
      description = "Base URL of the farm. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_FARM]")
  String farm;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The farm's X-Prerender-Token. Prefer the variable or --token-file: a value on the command line "
          + "is visible in ps. [env: RENDERGATE_TOKEN]")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the farm's token; not with --token. [env: RENDERGATE_TOKEN_FILE]")
  Path tokenFile;

  @Option(names = "--device", paramLabel = "DEVICES", split = ",", defaultValue = "mobile,desktop",
      description = "Devices to render for, comma separated: mobile, desktop. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_DEVICE]")
  List<String> devices;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Renders in flight at once (1-64). Default: ${DEFAULT-VALUE}. [env: RENDERGATE_CONCURRENCY]")
  int concurrency;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "Budget of each request to the farm; a slower render counts as failed. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_TIMEOUT]")
  Duration timeout;

  @Option(names = "--force",
      description = "Re-render every page, fresh or not (after a deploy). [env: RENDERGATE_FORCE]")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > 64) {
      throw new UserFacingException("--concurrency must be 1-64, got " + concurrency);
    }
    List<Device> targets = devices(devices);
    String farmToken = TokenInput.resolve(spec, "--token", token, "--token-file", tokenFile);
    URI farmUri = farmUri(farm);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    checkReachable(http, farmUri);
    List<URI> pages = readSitemap(http, sitemap);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("warming %d pages x %d devices through %s, %d at a time%n", pages.size(), targets.size(), farmUri,
        concurrency);
    err.flush();
    Warmer warmer = new Warmer(new FarmApiClient(http, farmUri, farmToken, timeout), concurrency);
    WarmReport report = warmer.warm(pages, targets, force, progressPrinter(err, System.console() != null));
    printSummary(report, pages.size() * targets.size());
    return report.failed().isEmpty() ? 0 : 1;
  }

  /** The devices named by {@code --device} (mobile and/or desktop), without repeats. */
  static List<Device> devices(List<String> labels) {
    return labels.stream().map(d -> switch (d.trim().toLowerCase(Locale.ROOT)) {
      case "mobile" -> Device.MOBILE;
      case "desktop" -> Device.DESKTOP;
      default -> throw new UserFacingException("--device takes mobile and/or desktop, comma separated; got '" + d + "'");
    }).distinct().toList();
  }

  static URI farmUri(String text) {
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UserFacingException("--farm must be the farm's base URL, e.g. http://127.0.0.1:3000; got '" + text + "'");
  }

  static void checkReachable(HttpClient http, URI farm) {
    try {
      http.send(HttpRequest.newBuilder(URI.create(farm.toString().replaceAll("/+$", "") + "/health"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UserFacingException("cannot reach the farm at " + farm + " (" + e.getClass().getSimpleName()
          + "); start one with 'rendergate farm' or point --farm at it", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while checking the farm at " + farm, e);
    }
  }

  /** The pages of {@code sitemap} (a file or URL), never none. */
  static List<URI> readSitemap(HttpClient http, String sitemap) {
    try {
      List<URI> pages = new SitemapReader(http, SitemapReader.Limits.defaults()).read(sitemap);
      if (pages.isEmpty()) {
        throw new UserFacingException("sitemap " + sitemap + " lists no pages");
      }
      return pages;
    } catch (SitemapReader.SitemapException e) {
      throw new UserFacingException(e.getMessage() + "; give a sitemap.xml file or URL", e);
    }
  }

  /** A bar redrawn in place on a terminal; otherwise a plain line every 10% or 5 seconds. */
  static Consumer<WarmProgress> progressPrinter(PrintWriter err, boolean terminal) {
    long[] last = {0, -1};
    return progress -> {
      synchronized (last) {
        long now = System.nanoTime();
        long bucket = progress.total() == 0 ? 10 : 10L * progress.done() / progress.total();
        boolean finished = progress.done() == progress.total();
        if (terminal) {
          if (finished || now - last[0] > 100_000_000L) {
            err.print("\r" + progress.bar(30) + (finished ? "\n" : ""));
            err.flush();
            last[0] = now;
          }
        } else if (bucket != last[1] || now - last[0] > 5_000_000_000L) {
          err.println("progress " + progress.line());
          err.flush();
          last[0] = now;
          last[1] = bucket;
        }
      }
    };
  }

  private void printSummary(WarmReport report, int total) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("warmed %d renders in %ds: rendered %d, skipped %d (already fresh), failed %d%n", total,
        report.elapsed().toSeconds(), report.rendered(), report.skipped(), report.failed().size());
    if (!report.failed().isEmpty()) {
      out.printf("%-6s  %-7s  %-24s  %s%n", "STATUS", "DEVICE", "REASON", "URL");
      report.failed().stream().limit(MAX_FAILURE_ROWS).forEach(f -> out.printf("%-6s  %-7s  %-24s  %s%n",
          f.status() == 0 ? "-" : String.valueOf(f.status()), f.device(), f.reason(), f.url()));
      if (report.failed().size() > MAX_FAILURE_ROWS) {
        out.printf("... and %d more failures%n", report.failed().size() - MAX_FAILURE_ROWS);
      }
    }
    out.flush();
  }
}
