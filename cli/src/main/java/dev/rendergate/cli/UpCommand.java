package dev.rendergate.cli;

import dev.rendergate.farm.FarmConfig;
import dev.rendergate.gateway.Fallback;
import dev.rendergate.gateway.GatewayConfig;
import dev.rendergate.gateway.GatewayLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rendergate up}: gateway + farm + site in one process, the whole flow on one machine. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole flow in one process: the gateway serves the site on --port and sends crawlers to a farm",
      "running in the same process on --farm-port (loopback only, with --token or a random one printed at start).",
      "The farm's SEO inspector is at /inspect on the farm port and its metrics at /metrics there (with the token); the gateway's",
      "metrics are on --metrics-port. Stop it with Ctrl-C."
    })
final class UpCommand implements Callable<Integer> {
  static final String GOOGLEBOT_SMARTPHONE =
      "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of the gateway (0 picks a free one). Default: ${DEFAULT-VALUE}. [env: RENDERGATE_PORT]")
  int port;

  @Option(names = "--farm-port", paramLabel = "PORT", defaultValue = "3000",
      description = "Port of the in-process farm on loopback (0 picks a free one). Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_FARM_PORT]")
  int farmPort;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address the gateway listens on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_BIND]")
  String bind;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "static-site/site",
      description = "Folder of the SPA to serve (index.html, assets, api/). Default: ${DEFAULT-VALUE} "
          + "(the launcher points it at the sample site). [env: RENDERGATE_SITE]")
  Path site;

  @Option(names = "--fallback", paramLabel = "MODE", defaultValue = "shell",
      description = "What a crawler gets when a render fails: shell (the SPA, 200) or unavailable (503 + Retry-After). "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_FALLBACK]")
  String fallback;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The farm's token: the inspector's sign-in and the credential of warm, the recache API and the "
          + "farm's /metrics. Default: a random one, printed once at start. Prefer the variable or --token-file: a "
          + "value on the command line is visible in ps. [env: RENDERGATE_TOKEN]")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the farm's token; not with --token. [env: RENDERGATE_TOKEN_FILE]")
  Path tokenFile;

  @Option(names = "--allow-origin", paramLabel = "URL", split = ",",
      description = "Another origin (scheme://host[:port]) the site's pages may load from, such as its API; repeat or "
          + "separate with commas. [env: RENDERGATE_ALLOW_ORIGIN]")
  List<String> allowOrigins = List.of();

  @Option(names = "--private-exception", paramLabel = "HOST:PORT", split = ",",
      description = "host:port of such an origin that may resolve to a loopback or private address (an API running "
          + "on this machine). [env: RENDERGATE_PRIVATE_EXCEPTION]")
  List<String> privateExceptions = List.of();

  @Mixin FarmOptions farmOptions;

  @Mixin MetricsOptions metricsOptions;

  @Mixin VerificationOptions verificationOptions;

  @Mixin GatewayLimitsOptions limitsOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    EmbeddedStack stack = EmbeddedStack.start(gatewayConfig(), farmConfig());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "rendergate-shutdown"));
    printBanner(spec.commandLine().getOut(), stack);
    stopped.await();
    return 0;
  }

  GatewayConfig gatewayConfig() {
    return verificationOptions.applyTo(GatewayConfig.defaults(site.toAbsolutePath().normalize()))
        .withPort(port)
        .withBindHost(bind)
        .withFallback(Fallback.fromLabel(fallback))
        .withMetrics(metricsOptions.listener())
        .withLimits(limitsOptions.applyTo(GatewayLimits.defaults()));
  }

  FarmConfig farmConfig() {
    try {
      FarmConfig config = farmOptions.applyTo(FarmConfig.defaults().withPort(farmPort).withAllowedOrigins(allowOrigins)
          .withPrivateAddressExceptions(Set.copyOf(privateExceptions)));
      String given = TokenInput.resolve(spec, "--token", token, "--token-file", tokenFile);
      return given == null ? config : config.withToken(given);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  /** Printed on the terminal only, never logged: the one place a generated token is shown. */
  static void printBanner(PrintWriter out, EmbeddedStack stack) {
    String base = "http://localhost:" + stack.gatewayPort();
    String farm = "http://127.0.0.1:" + stack.farmPort();
    out.println("rendergate is up");
    out.println("  site (people get the SPA):   " + base + "/");
    out.println("  farm (loopback, token only): " + farm + "/health");
    out.println("  SEO inspector:               " + farm + "/inspect  (sign in with the farm's token)");
    out.println("  farm metrics (Prometheus):   " + farm + "/metrics  (with the token)");
    if (stack.gatewayMetricsPort() > 0) {
      out.println("  gateway metrics:             http://" + stack.gatewayMetricsHost() + ":" + stack.gatewayMetricsPort()
          + "/metrics");
    }
    if (stack.generatedToken()) {
      out.println("  token (random, this run only): " + stack.token());
      out.println("    set RENDERGATE_TOKEN in the environment to keep one token across runs");
    } else {
      out.println("  token: the one you gave (--token or RENDERGATE_TOKEN)");
    }
    out.println("Fetch a page as Googlebot (smartphone) and get the rendered HTML:");
    out.println("  curl -s -A '" + GOOGLEBOT_SMARTPHONE + "' " + base + "/");
    out.println("Warm the cache from the sitemap (with RENDERGATE_TOKEN set to the token):");
    out.println("  ./rendergate warm --farm " + farm + " " + base + "/sitemap.xml");
    out.println("Stop with Ctrl-C.");
    out.flush();
  }
}
