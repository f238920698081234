package dev.rendergate.cli;

import dev.rendergate.edge.verify.VerificationMode;
import dev.rendergate.gateway.GatewayConfig;
import picocli.CommandLine.Option;

/** How {@code gateway} and {@code up} verify claimed crawlers. */
final class VerificationOptions {

  @Option(names = "--crawler-verification", paramLabel = "MODE", defaultValue = "log",
      description = "What happens to a request claiming a crawler from an address its operator does not own "
          + "(Google's and Bing's published ranges; forward-confirmed reverse DNS for Applebot, Yandex, Baidu and "
          + "others): off (no check), log (logged and counted, still rendered) or enforce (logged, counted and "
          + "served the SPA as a person). Default: ${DEFAULT-VALUE}. [env: RENDERGATE_CRAWLER_VERIFICATION]")
  String mode;

  /** The configuration with the mode applied. */
  GatewayConfig applyTo(GatewayConfig config) {
    VerificationMode parsed;
    try {
      parsed = VerificationMode.fromLabel(mode);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--crawler-verification must be off, log or enforce, got '" + mode
          + "'; set it with --crawler-verification or RENDERGATE_CRAWLER_VERIFICATION", e);
    }
    return config.withEdgeConfig(config.edgeConfig().withCrawlerVerification(parsed));
  }
}
