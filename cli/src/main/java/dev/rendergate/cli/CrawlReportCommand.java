package dev.rendergate.cli;

import dev.rendergate.farm.crawl.AccessLogReader;
import dev.rendergate.farm.crawl.CrawlReport;
import dev.rendergate.farm.crawl.CrawlTally;
import dev.rendergate.farm.crawl.PeopleAgents;
import dev.rendergate.farm.freshness.SitemapReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rendergate crawl-report ACCESS_LOG...}: who crawls what, and what they get. */
@Command(
    name = "crawl-report",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the gateway's JSON access log (--log-format json) or CloudFront's standard access log (plain or .gz)",
      "and reports, per crawler and class: requests per day, the pages most and least crawled, status codes and",
      "cache results served, render times, and (with --sitemap) sitemap pages no crawler fetched; people's page",
      "views by browser, OS and device (ua-parser). Prints tables; --out writes crawl-report.json and .csv."
    })
final class CrawlReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ACCESS_LOG", arity = "1..*", description = "Access log files (plain or .gz).")
  List<Path> logs;

  @Option(names = "--sitemap", paramLabel = "SITEMAP",
      description = "Sitemap URL or file: its pages that no crawler fetched are listed. [env: RENDERGATE_SITEMAP]")
  String sitemap;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder to write crawl-report.json and crawl-report.csv into. [env: RENDERGATE_OUT]")
  Path out;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "20",
      description = "Rows of each table on the terminal. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_ROWS]")
  int rows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Set<String> sitemapPaths = sitemapPaths();
    PrintWriter err = spec.commandLine().getErr();
    CrawlTally tally = new CrawlTally(new PeopleAgents());
    AccessLogReader reader = new AccessLogReader();
    long start = System.nanoTime();
    for (Path log : logs) {
      try {
        reader.read(log, tally);
      } catch (NoSuchFileException e) {
        throw new UserFacingException("no access log at " + log + "; give the gateway's JSON log or CloudFront's log files", e);
      }
      err.printf("read %s (%d lines so far)%n", log, reader.lines());
      err.flush();
    }
    CrawlReport report = CrawlReport.of(tally, reader.lines(), reader.skipped(), sitemapPaths);
    err.printf("read %d lines in %.1fs%n", reader.lines(), (System.nanoTime() - start) / 1e9);
    report.print(spec.commandLine().getOut(), Math.max(1, rows));
    if (out != null) {
      Files.createDirectories(out);
      report.writeJson(out.resolve("crawl-report.json"));
      report.writeCsv(out.resolve("crawl-report.csv"));
      err.println("wrote " + out.resolve("crawl-report.json") + " and " + out.resolve("crawl-report.csv"));
    }
    err.flush();
    return 0;
  }

  private Set<String> sitemapPaths() {
    if (sitemap == null) {
      return Set.of();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      Set<String> paths = new LinkedHashSet<>();
      for (URI page : new SitemapReader(http, SitemapReader.Limits.defaults()).read(sitemap)) {
        paths.add(page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath());
      }
      return paths;
    } catch (SitemapReader.SitemapException e) {
      throw new UserFacingException(e.getMessage() + "; give a sitemap.xml file or URL", e);
    }
  }
}
