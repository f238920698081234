package dev.rendergate.cli;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.FarmConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The render and cache options shared by {@code up}, {@code farm} and {@code render}. */
final class FarmOptions {
  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
      description = "Render engine: auto (HtmlUnit, Chromium when HtmlUnit cannot render the page), htmlunit or chromium. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_ENGINE]")
  String engine;

  @Option(names = "--pool", paramLabel = "N",
      description = "Render engines working at once. Default: the number of cores. [env: RENDERGATE_POOL]")
  Integer pool;

  @Option(names = "--queue", paramLabel = "N", defaultValue = "64",
      description = "Renders that may wait for an engine before the farm answers 503 + Retry-After. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_QUEUE]")
  int queue;

  @Option(names = "--render-timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "Hard budget of one render; a render that overruns it answers 504 and is never cached. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_RENDER_TIMEOUT]")
  Duration renderTimeout;

  @Option(names = "--cache-size", paramLabel = "SIZE", defaultValue = "256MB", converter = ByteSizeConverter.class,
      description = "Bound of the in-memory snapshot cache in bytes (e.g. 64MB, 2GB; 0 turns caching off). "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_CACHE_SIZE]")
  long cacheSize;

  @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "24h",
      description = "How long a snapshot stays fresh. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_CACHE_TTL]")
  Duration cacheTtl;

  @Option(names = "--redis", paramLabel = "URI",
      description = "Shared snapshot tier for all farm nodes, e.g. redis://127.0.0.1:6379. Default: none. [env: RENDERGATE_REDIS]")
  String redis;

  FarmConfig applyTo(FarmConfig base) {
    FarmConfig config = base
        .withEngine(EngineMode.fromLabel(engine))
        .withQueueSize(queue)
        .withRenderTimeout(renderTimeout)
        .withCacheMaxBytes(cacheSize)
        .withCacheTtl(cacheTtl)
        .withRedisUri(redis);
    return pool == null ? config : config.withPoolSize(pool);
  }
}
