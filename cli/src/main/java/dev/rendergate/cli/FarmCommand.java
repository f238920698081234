package dev.rendergate.cli;

import dev.rendergate.farm.BindPolicy;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.freshness.FarmRewarm;
import dev.rendergate.farm.freshness.RewarmScheduler;
import dev.rendergate.farm.http.MetricsListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rendergate farm}: one prerender farm node speaking prerender.io's protocol. */
@Command(
    name = "farm",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a prerender farm node: GET /render?url=<url> and GET /<url> answer the rendered HTML;",
      "/health and /ready for the load balancer, /metrics (Prometheus, with the token) for monitoring.",
      "Off loopback it needs a token of at least " + BindPolicy.MIN_TOKEN_LENGTH + " characters: RENDERGATE_TOKEN or --token-file."
    })
final class FarmCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
      description = "HTTP port. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_PORT]")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on; anything but a loopback address needs a token of at least "
          + BindPolicy.MIN_TOKEN_LENGTH + " characters. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_BIND]")
  String bind;

  @Option(names = "--allow-origin", paramLabel = "URL", required = true, split = ",",
      description = "An origin (scheme://host[:port]) whose pages may be rendered; repeat or separate with commas. "
          + "Required. [env: RENDERGATE_ALLOW_ORIGIN]")
  List<String> allowOrigins;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The X-Prerender-Token every caller must send (/metrics too); at least "
          + BindPolicy.MIN_TOKEN_LENGTH + " characters, and required unless --bind is a loopback address. Prefer "
          + "the variable or --token-file: a value on the command line is visible in ps. [env: RENDERGATE_TOKEN]")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the token (a container secret such as /run/secrets/farm_token); not with --token. "
          + "[env: RENDERGATE_TOKEN_FILE]")
  Path tokenFile;

  @Option(names = "--metrics-port", paramLabel = "PORT|off", defaultValue = "off",
      description = "A loopback listener serving /metrics without the token, for a scraper on this host or in this "
          + "task (the CloudWatch agent sidecar); 0 picks a free port. The /metrics of --port needs the token. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_METRICS_PORT]")
  String metricsPort;

  @Option(names = "--private-exception", paramLabel = "HOST:PORT", split = ",",
      description = "host:port that may resolve to a loopback or private address (local development only). "
          + "[env: RENDERGATE_PRIVATE_EXCEPTION]")
  List<String> privateExceptions = List.of();

  @Option(names = "--public-origin", paramLabel = "URL",
      description = "Origin that redirect Locations to an allowed origin are rewritten to. [env: RENDERGATE_PUBLIC_ORIGIN]")
  String publicOrigin;

  @Option(names = "--rewarm-sitemap", paramLabel = "URL",
      description = "Sitemap (URL or file) whose pages are re-rendered on the --rewarm-cron schedule, by one node "
          + "at a time (a Redis lock when --redis is set). Default: none. [env: RENDERGATE_REWARM_SITEMAP]")
  String rewarmSitemap;

  @Option(names = "--rewarm-cron", paramLabel = "CRON", defaultValue = "0 3 * * *",
      description = "When to re-warm: a 5-field cron expression in UTC. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_REWARM_CRON]")
  String rewarmCron;

  @Option(names = "--rewarm-concurrency", paramLabel = "N", defaultValue = "2",
      description = "Renders at a time during a re-warm (keep it below --pool: crawlers come first). "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_REWARM_CONCURRENCY]")
  int rewarmConcurrency;

  @Mixin FarmOptions farmOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    FarmConfig config = config();
    Integer metricsPort = metricsPort();
    Farm farm = create(config);
    try {
      farm.start();
    } catch (IllegalStateException e) {
      farm.stop();
      throw new UserFacingException(e.getMessage() + "; choose another port with --port or RENDERGATE_PORT", e);
    }
    MetricsListener metrics = startMetrics(farm, metricsPort);
    RewarmScheduler rewarm = scheduleRewarm(farm, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (rewarm != null) {
        rewarm.close();
      }
      if (metrics != null) {
        metrics.close();
      }
      farm.stop();
      stopped.countDown();
    }, "rendergate-shutdown"));
    spec.commandLine().getOut().println("farm listening on http://" + bind + ":" + farm.port());
    if (metrics != null) {
      spec.commandLine().getOut().println("farm metrics (no token, loopback) on http://127.0.0.1:" + metrics.port()
          + "/metrics");
    }
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private static Farm create(FarmConfig config) {
    try {
      return Farm.create(config);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  /** The loopback metrics listener, or null with {@code --metrics-port off}. */
  private static MetricsListener startMetrics(Farm farm, Integer port) {
    if (port == null) {
      return null;
    }
    try {
      return MetricsListener.start("127.0.0.1", port, farm.prerenderer().metrics()::scrape);
    } catch (IllegalStateException e) {
      farm.stop();
      throw new UserFacingException(e.getMessage() + "; choose another with --metrics-port or RENDERGATE_METRICS_PORT",
          e);
    }
  }

  /** The metrics listener's port, null when off. */
  Integer metricsPort() {
    String value = metricsPort.trim();
    if (value.equalsIgnoreCase(MetricsOptions.OFF)) {
      return null;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new UserFacingException("--metrics-port must be a port (0-65535, 0 picks a free one) or off, got '"
        + metricsPort + "'; set it with --metrics-port or RENDERGATE_METRICS_PORT");
  }

  private RewarmScheduler scheduleRewarm(Farm farm, FarmConfig config) {
    if (rewarmSitemap == null) {
      return null;
    }
    try {
      return FarmRewarm.schedule(farm.prerenderer(), config, rewarmSitemap, rewarmCron, Clock.systemUTC(), rewarmConcurrency);
    } catch (IllegalArgumentException e) {
      farm.stop();
      throw new UserFacingException("cannot schedule the re-warm: " + e.getMessage()
          + " (check --rewarm-cron, and keep --cache-size above 0)", e);
    }
  }

  FarmConfig config() {
    try {
      return farmOptions.applyTo(FarmConfig.defaults()
          .withBindHost(bind)
          .withPort(port)
          .withAllowedOrigins(allowOrigins)
          .withToken(TokenInput.resolve(spec, "--token", token, "--token-file", tokenFile))
          .withPrivateAddressExceptions(Set.copyOf(privateExceptions))
          .withPublicOrigin(publicOrigin));
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }
}
