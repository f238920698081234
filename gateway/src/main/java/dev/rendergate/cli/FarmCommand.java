package dev.rendergate.cli;

import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
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

  @Mixin FarmOptions farmOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Farm farm = Farm.create(config());
    try {
      farm.start();
    } catch (IllegalStateException e) {
      farm.stop();
      throw new UserFacingException(e.getMessage() + "; choose another port with --port or RENDERGATE_PORT", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      farm.stop();
      stopped.countDown();
    }, "rendergate-shutdown"));
    spec.commandLine().getOut().println("farm listening on http://" + bind + ":" + farm.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
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
