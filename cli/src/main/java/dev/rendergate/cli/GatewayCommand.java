package dev.rendergate.cli;

import dev.rendergate.gateway.Fallback;
import dev.rendergate.gateway.Gateway;
import dev.rendergate.gateway.GatewayConfig;
import dev.rendergate.gateway.GatewayLimits;
import dev.rendergate.gateway.PortInUseException;
import dev.rendergate.gateway.ProxyRoute;
import dev.rendergate.gateway.ShortLinkStore;
import dev.rendergate.gateway.SiteSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rendergate gateway}: the self-hosted edge in front of a farm. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the edge: serves the SPA from --site or --origin, runs the edge function's decision on every request,",
      "and proxies crawlers to the farm at --farm."
    })
final class GatewayCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "HTTP port. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_PORT]")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_BIND]")
  String bind;

  static final String DEFAULT_SITE = "static-site/site";

  @Option(names = "--site", paramLabel = "DIR",
      description = "Folder of the SPA to serve. Default: " + DEFAULT_SITE + " unless --origin is given. "
          + "[env: RENDERGATE_SITE]")
  Path site;

  @Option(names = "--origin", paramLabel = "URL",
      description = "Serve the SPA from this HTTP(S) origin instead of a folder, e.g. an S3 website endpoint "
          + "http://my-bucket.s3-website.eu-central-1.amazonaws.com or a bucket URL with a prefix. Files are "
          + "streamed from it; the SPA shell is also kept in memory for crawler fallbacks. Not with --site. "
          + "[env: RENDERGATE_ORIGIN]")
  URI origin;

  @Option(names = "--farm", paramLabel = "URL",
      description = "Base URL of the prerender farm, e.g. http://farm.internal:3000. Without it crawlers get the "
          + "fallback. [env: RENDERGATE_FARM]")
  URI farm;

  @Option(names = "--farm-token", paramLabel = "TOKEN",
      description = "X-Prerender-Token sent to the farm. Prefer the variable or --farm-token-file: a value on the "
          + "command line is visible in ps. [env: RENDERGATE_FARM_TOKEN]")
  String farmToken;

  @Option(names = "--farm-token-file", paramLabel = "FILE",
      description = "A file holding the token sent to the farm; not with --farm-token. [env: RENDERGATE_FARM_TOKEN_FILE]")
  Path farmTokenFile;

  @Option(names = "--fallback", paramLabel = "MODE", defaultValue = "shell",
      description = "What a crawler gets when the farm fails: shell (the SPA, 200) or unavailable "
          + "(503 + Retry-After). Default: ${DEFAULT-VALUE}. [env: RENDERGATE_FALLBACK]")
  String fallback;

  @Option(names = "--public-origin", paramLabel = "URL",
      description = "Public scheme://host[:port] of the site, used in the URL the farm renders; default: "
          + "http://<Host header>. [env: RENDERGATE_PUBLIC_ORIGIN]")
  URI publicOrigin;

  @Option(names = "--route", paramLabel = "PREFIX=URL", split = ";",
      description = "Another service behind the edge, e.g. /api/=http://127.0.0.1:9000; repeatable. "
          + "[env: RENDERGATE_ROUTE]")
  List<String> routes = List.of();

  @Option(names = "--short-links", paramLabel = "FILE",
      description = "File of code=target lines: /s/<code> answers 301 to the target, unknown codes 404. "
          + "Default: none. Not with --short-links-redis. [env: RENDERGATE_SHORT_LINKS]")
  Path shortLinks;

  @Option(names = "--short-links-redis", paramLabel = "URI",
      description = "Redis holding the short links, e.g. redis://127.0.0.1:6379/0: /s/<code> answers 301 to "
          + "HGET <key> <code>, unknown codes 404, 503 + Retry-After while Redis is down or slow (200 ms). "
          + "Default: none. Not with --short-links. [env: RENDERGATE_SHORT_LINKS_REDIS]")
  URI shortLinksRedis;

  @Option(names = "--short-links-key", paramLabel = "NAME", defaultValue = ShortLinkStore.DEFAULT_REDIS_KEY,
      description = "The Redis hash of code -> target for --short-links-redis. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_SHORT_LINKS_KEY]")
  String shortLinksKey;

  @Mixin MetricsOptions metricsOptions;

  @Mixin VerificationOptions verificationOptions;

  @Mixin GatewayLimitsOptions limitsOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Gateway gateway = Gateway.create(config());
    try {
      gateway.start();
    } catch (PortInUseException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.stop();
      stopped.countDown();
    }, "rendergate-shutdown"));
    spec.commandLine().getOut().println("gateway listening on http://" + bind + ":" + gateway.port());
    if (gateway.metricsPort() > 0) {
      spec.commandLine().getOut().println("gateway metrics on http://" + gateway.config().metrics().bindHost() + ":"
          + gateway.metricsPort() + "/metrics");
    }
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  GatewayConfig config() {
    try {
      return verificationOptions.applyTo(GatewayConfig.defaults(siteSource()))
          .withPort(port)
          .withBindHost(bind)
          .withFarm(farm, TokenInput.resolve(spec, "--farm-token", farmToken, "--farm-token-file", farmTokenFile))
          .withFallback(Fallback.fromLabel(fallback))
          .withPublicOrigin(publicOrigin)
          .withRoutes(routes.stream().map(ProxyRoute::parse).toList())
          .withShortLinks(shortLinkStore())
          .withMetrics(metricsOptions.listener())
          .withLimits(limitsOptions.applyTo(GatewayLimits.defaults()))
          .validate();
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  private SiteSource siteSource() {
    if (site != null && origin != null) {
      throw new UserFacingException("both --site (" + site + ") and --origin (" + origin + ") are set; serve the SPA "
          + "from one of them: unset --site/RENDERGATE_SITE or --origin/RENDERGATE_ORIGIN");
    }
    if (origin != null) {
      return SiteSource.origin(origin);
    }
    return SiteSource.folder((site == null ? Path.of(DEFAULT_SITE) : site).toAbsolutePath().normalize());
  }

  private ShortLinkStore shortLinkStore() {
    if (shortLinks != null && shortLinksRedis != null) {
      throw new UserFacingException("both --short-links (" + shortLinks + ") and --short-links-redis are set; "
          + "keep the short links in one of them: unset --short-links/RENDERGATE_SHORT_LINKS or "
          + "--short-links-redis/RENDERGATE_SHORT_LINKS_REDIS");
    }
    if (shortLinksRedis != null) {
      return new ShortLinkStore.Redis(shortLinksRedis, shortLinksKey);
    }
    return shortLinks == null ? null : new ShortLinkStore.File(shortLinks);
  }
}
