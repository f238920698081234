package dev.rendergate.cli;

import dev.rendergate.gateway.GatewayLimits;
import picocli.CommandLine.Option;

/** What clients can make the gateway hold ({@code gateway} and {@code up}); each bound has its own refusal. */
final class GatewayLimitsOptions {

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
      description = "Client connections open at once; one more is answered 503 (X-Rendergate-Reason: connection-limit, "
          + "Retry-After) and closed. Keep it below the process's open-file limit. Default: ${DEFAULT-VALUE}. "
          + "[env: RENDERGATE_MAX_CONNECTIONS]")
  int maxConnections;

  @Option(names = "--max-http2-streams", paramLabel = "N", defaultValue = "32",
      description = "Concurrent streams per HTTP/2 connection (SETTINGS_MAX_CONCURRENT_STREAMS); one more is reset "
          + "with REFUSED_STREAM. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_MAX_HTTP2_STREAMS]")
  int maxHttp2Streams;

  @Option(names = "--max-pipelined", paramLabel = "N", defaultValue = "4",
      description = "HTTP/1.1 requests kept waiting behind the one being answered (with at most 64 KB of bodies); "
          + "the gateway then stops reading, and a request beyond it gets 503 (pipeline-full) and the connection "
          + "closes. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_MAX_PIPELINED]")
  int maxPipelined;

  @Option(names = "--body-memory", paramLabel = "SIZE", defaultValue = "64MB", converter = ByteSizeConverter.class,
      description = "Request bodies (service routes only; every other route refuses a body with 413) held at once "
          + "over all connections; a body beyond it gets 503 (memory-budget) with Retry-After. At least the 1 MB "
          + "body limit. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_BODY_MEMORY]")
  long bodyMemory;

  /** {@code limits} with these bounds; the message of a bad value names its option. */
  GatewayLimits applyTo(GatewayLimits limits) {
    try {
      return limits.withMaxConnections(maxConnections).withMaxHttp2Streams(maxHttp2Streams)
          .withMaxPipelined(maxPipelined, limits.maxPipelinedBytes()).withBodyMemoryBytes(bodyMemory);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage() + "; set it with --max-connections, --max-http2-streams, "
          + "--max-pipelined or --body-memory (or their RENDERGATE_ variables)", e);
    }
  }
}
