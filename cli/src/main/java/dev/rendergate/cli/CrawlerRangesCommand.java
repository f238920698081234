package dev.rendergate.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rendergate crawler-ranges}: the stored copies of Google's and Bing's crawler address lists. */
@Command(
    name = "crawler-ranges",
    mixinStandardHelpOptions = true,
    description = "The stored copies of the crawler address lists the edge verifies Google and Bing against.",
    subcommands = {CrawlerRangesCommand.Refresh.class})
final class CrawlerRangesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rendergate crawler-ranges refresh}. */
  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = {
        "Downloads every list named in <dir>/sources.properties, checks each (HTTP 200, at most 1 MiB, the",
        "published JSON format, 1-20000 valid CIDR blocks, not under half the stored count) and, only when all",
        "pass, rewrites the stored copies byte for byte. Rebuild edge-function afterwards to bundle them."
      })
  static final class Refresh implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "edge-function/src/main/crawler-ranges",
        description = "The lists folder. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_DIR]")
    Path dir;

    @Option(names = "--base", paramLabel = "URL",
        description = "Fetch <URL>/<file> instead of the published addresses, e.g. an internal mirror. [env: RENDERGATE_BASE]")
    URI base;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
        description = "Per download. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_TIMEOUT]")
    Duration timeout;

    @Option(names = "--allow-shrink",
        description = "Accept a list with fewer than half the prefixes of its stored copy. [env: RENDERGATE_ALLOW_SHRINK]")
    boolean allowShrink;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CrawlerRangeRefresh.Result result = new CrawlerRangeRefresh(dir, base, timeout, allowShrink).run();
      for (Map.Entry<String, int[]> list : result.counts().entrySet()) {
        spec.commandLine().getOut().printf("event=crawler-ranges-refreshed list=%s prefixes_before=%d prefixes=%d%n",
            list.getKey(), list.getValue()[0], list.getValue()[1]);
      }
      spec.commandLine().getOut().println("Rebuild edge-function (mvn -pl edge-function package) to bundle them.");
      return 0;
    }
  }
}
