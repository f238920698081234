package dev.rendergate.cli;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.guard.RejectedRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rendergate render URL}: renders one page and prints the HTML a crawler would get. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders one page exactly as the farm would and prints the HTML on standard output;",
      "status, engine and render time go to standard error. Exit code 1 when the render failed."
    })
final class RenderCommand implements Callable<Integer> {
  @Parameters(paramLabel = "URL", description = "Absolute http(s) URL of the page to render.")
  String url;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "desktop",
      description = "Device class to render for: mobile or desktop. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_DEVICE]")
  String device;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
      description = "auto, htmlunit or chromium. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_ENGINE]")
  String engine;

  @Option(names = "--render-timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "Hard budget of the render. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_RENDER_TIMEOUT]")
  Duration renderTimeout;

  @Option(names = "--allow-private",
      description = "Allow the URL's own host:port to be a loopback or private address (rendering a local "
          + "development server). [env: RENDERGATE_ALLOW_PRIVATE]")
  boolean allowPrivate;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    URI target = parse(url);
    Farm farm = Farm.create(config(target));
    try {
      RenderResult result = farm.prerenderer().render(url, Device.fromLabel(device));
      spec.commandLine().getErr().printf("status=%d engine=%s ms=%d%s%n", result.status(), result.engine(),
          result.renderMillis(), result.reason() == null ? "" : " reason=" + result.reason());
      spec.commandLine().getOut().print(result.html());
      spec.commandLine().getOut().flush();
      return result.reason() == null ? 0 : 1;
    } catch (RejectedRequestException e) {
      throw new UserFacingException("cannot render " + url + ": " + e.status() + " " + e.reason() + ", "
          + e.getMessage() + (allowPrivate ? "" : " (a local development server needs --allow-private)"), e);
    } finally {
      farm.stop();
    }
  }

  private FarmConfig config(URI target) {
    int port = target.getPort() != -1 ? target.getPort() : target.getScheme().equals("https") ? 443 : 80;
    FarmConfig config = FarmConfig.defaults()
        .withAllowedOrigin(target.getScheme() + "://" + target.getHost() + ":" + port)
        .withEngine(EngineMode.fromLabel(engine))
        .withPoolSize(1)
        .withRenderTimeout(renderTimeout)
        .withCacheMaxBytes(0);
    return allowPrivate ? config.withPrivateAddressException(target.getHost() + ":" + port) : config;
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new UserFacingException("'" + text + "' is not an absolute http(s) URL, e.g. https://example.com/page");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UserFacingException("'" + text + "' is not a valid URL: " + e.getReason(), e);
    }
  }
}
