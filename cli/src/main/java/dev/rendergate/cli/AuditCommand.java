package dev.rendergate.cli;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.inspect.audit.AuditReport;
import dev.rendergate.farm.inspect.audit.AuditedPage;
import dev.rendergate.farm.inspect.audit.FarmPageFetcher;
import dev.rendergate.farm.inspect.audit.SiteAudit;
import dev.rendergate.farm.inspect.seo.ProblemKind;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import dev.rendergate.farm.inspect.seo.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rendergate audit SITEMAP}: the inspector's SEO checks for every page of a sitemap, for CI. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches every page of a sitemap through a farm exactly as crawlers get it, runs the SEO inspector's checks",
      "on each (title, description, canonical, noindex, soft 404, empty render, JSON-LD, slow render, duplicate",
      "titles), prints problems by kind and the worst pages, and writes audit.csv and audit.json with --out.",
      "Exit code 1 when a problem at least as severe as --fail-on is found (a failed render counts as an error)."
    })
final class AuditCommand implements Callable<Integer> {
  private static final int WORST_ROWS = 15;

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

  @Option(names = "--device", paramLabel = "DEVICES", split = ",", defaultValue = "mobile",
      description = "Devices to audit, comma separated: mobile, desktop. Default: ${DEFAULT-VALUE} "
          + "(what Google indexes). [env: RENDERGATE_DEVICE]")
  List<String> devices;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Pages in flight at once (1-64). Default: ${DEFAULT-VALUE}. [env: RENDERGATE_CONCURRENCY]")
  int concurrency;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "Budget of each page; a slower one counts as failed. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_TIMEOUT]")
  Duration timeout;

  @Option(names = "--render-budget", paramLabel = "DURATION", defaultValue = "3s",
      description = "A render slower than this is a slow-render problem. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_RENDER_BUDGET]")
  Duration renderBudget;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder to write audit.csv and audit.json into (created if missing). [env: RENDERGATE_OUT]")
  Path out;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when a problem of this severity or worse is found: error, warning, notice or never. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_FAIL_ON]")
  String failOn;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Severity threshold = threshold();
    if (concurrency < 1 || concurrency > 64) {
      throw new UserFacingException("--concurrency must be 1-64, got " + concurrency);
    }
    List<Device> targets = WarmCommand.devices(devices);
    String farmToken = TokenInput.resolve(spec, "--token", token, "--token-file", tokenFile);
    URI farmUri = WarmCommand.farmUri(farm);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    WarmCommand.checkReachable(http, farmUri);
    List<URI> pages = WarmCommand.readSitemap(http, sitemap);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("auditing %d pages x %d devices through %s, %d at a time%n", pages.size(), targets.size(), farmUri,
        concurrency);
    err.flush();
    SiteAudit audit = new SiteAudit(new FarmPageFetcher(http, farmUri, farmToken, timeout), new SeoChecks(renderBudget),
        concurrency);
    AuditReport report = audit.run(pages, targets, WarmCommand.progressPrinter(err, System.console() != null));
    printSummary(report);
    if (out != null) {
      Files.createDirectories(out);
      report.writeCsv(out.resolve("audit.csv"));
      report.writeJson(out.resolve("audit.json"));
      err.println("wrote " + out.resolve("audit.csv") + " and " + out.resolve("audit.json"));
      err.flush();
    }
    return threshold != null && report.hasProblemAtLeast(threshold) ? 1 : 0;
  }

  private Severity threshold() {
    if (failOn.trim().equalsIgnoreCase("never")) {
      return null;
    }
    try {
      return Severity.fromLabel(failOn);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--fail-on takes error, warning, notice or never; got '" + failOn + "'", e);
    }
  }

  private void printSummary(AuditReport report) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("audited %d pages in %.1fs (%.1f pages/s): %d failed to render%n", report.pages().size(),
        report.elapsed().toMillis() / 1000.0, report.pagesPerSecond(), report.failures().size());
    if (report.skipped() > 0) {
      out.printf("%d more pages of the sitemap were not audited (at most %d per run)%n", report.skipped(),
          SiteAudit.MAX_PAGES);
    }
    Map<ProblemKind, Long> byKind = report.problemsByKind();
    if (byKind.isEmpty() && report.failures().isEmpty()) {
      out.println("no problems found");
    } else {
      out.printf("%n%-22s  %-8s  %6s  %s%n", "PROBLEM", "SEVERITY", "PAGES", "WHY IT MATTERS");
      byKind.forEach((kind, count) -> out.printf("%-22s  %-8s  %6d  %s%n", kind.label(), kind.severity().label(),
          count, kind.explanation()));
      out.printf("%n%-8s  %-7s  %-6s  %-40s  %s%n", "SEVERITY", "DEVICE", "STATUS", "PROBLEMS", "URL");
      for (AuditedPage p : report.worst(WORST_ROWS)) {
        String problems = p.failure() != null ? "render failed: " + p.failure()
            : String.join(" ", p.problems().stream().map(x -> x.kind().label()).toList());
        out.printf("%-8s  %-7s  %-6s  %-40s  %s%n", p.worst().label(), p.device(), p.status() == 0 ? "-" : p.status(),
            problems.length() > 40 ? problems.substring(0, 37) + "..." : problems, p.url());
      }
    }
    out.flush();
  }
}
