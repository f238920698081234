package dev.rendergate.cli;

import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.freshness.FarmRewarm;
import dev.rendergate.farm.freshness.RewarmScheduler;
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
      "/health, /ready and /metrics (Prometheus) for the load balancer and monitoring."
    })
final class FarmCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
      description = "HTTP port. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_PORT]")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_BIND]")
  String bind;

  @Option(names = "--allow-origin", paramLabel = "URL", required = true, split = ",",
      description = "An origin (scheme://host[:port]) whose pages may be rendered; repeat or separate with commas. "
          + "Required. [env: RENDERGATE_ALLOW_ORIGIN]")
  List<String> allowOrigins;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Required X-Prerender-Token value; without it the farm accepts any caller, so set it anywhere "
          + "but loopback. [env: RENDERGATE_TOKEN]")
  String token;

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
    Farm farm = Farm.create(config);
    try {
      farm.start();
    } catch (IllegalStateException e) {
      farm.stop();
      throw new UserFacingException(e.getMessage() + "; choose another port with --port or RENDERGATE_PORT", e);
    }
    RewarmScheduler rewarm = scheduleRewarm(farm, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (rewarm != null) {
        rewarm.close();
      }
      farm.stop();
      stopped.countDown();
    }, "rendergate-shutdown"));
    spec.commandLine().getOut().println("farm listening on http://" + bind + ":" + farm.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
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
          .withToken(token)
          .withPrivateAddressExceptions(Set.copyOf(privateExceptions))
          .withPublicOrigin(publicOrigin));
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }
}
