package dev.rendergate.cli;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.QueryAllowList;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The render and cache options shared by {@code up}, {@code farm} and {@code render}. */
final class FarmOptions {
  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
      description = "Render engine: auto (Chromium, and HtmlUnit on the routes where it proved as right and faster), "
          + "htmlunit or chromium. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_ENGINE]")
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

  @Option(names = "--probe-budget", paramLabel = "DURATION",
      description = "In auto, the most HtmlUnit may take on a route it earned before Chromium renders the page with the "
          + "rest of the budget. Default: a fifth of --render-timeout. [env: RENDERGATE_PROBE_BUDGET]")
  Duration probeBudget;

  @Option(names = "--recheck-every", paramLabel = "N", defaultValue = "50",
      description = "In auto, one in N pages HtmlUnit answers is rendered by Chromium too and compared; one difference "
          + "sends the route back to Chromium. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_RECHECK_EVERY]")
  int recheckEvery;

  @Option(names = "--chromium", paramLabel = "PATH",
      description = "The Chromium executable, or none to render without it. Default: the system's chromium "
          + "(Debian's package), if installed. [env: RENDERGATE_CHROMIUM]")
  String chromium;

  @Option(names = "--redis", paramLabel = "URI",
      description = "Shared snapshot tier for all farm nodes, e.g. redis://127.0.0.1:6379. Default: none. [env: RENDERGATE_REDIS]")
  String redis;

  @Option(names = "--query-params", paramLabel = "[SITE=]NAMES", split = ";",
      description = "Query parameters that reach the cache key and the render; every other one is dropped from both. "
          + "NAMES: comma-separated names, '+names' (the default list plus these), '*' (every parameter) or 'none'. "
          + "Without SITE it replaces the default list; with a host name (shop.example.com=+color,size) it sets that "
          + "site's. Repeat, or separate with ';'. Default list: page, p, per_page, limit, offset, q, query, search, s, "
          + "sort, order, orderby, dir, lang, hl, locale, language, category, cat, tag, filter, type, view, id. "
          + "[env: RENDERGATE_QUERY_PARAMS]")
  List<String> queryParams;

  @Option(names = "--miss-rate-limit", paramLabel = "N", defaultValue = "120",
      description = "Renders of uncached pages one client address may cause a minute, after a burst of --miss-burst; "
          + "more are answered 429 + Retry-After (cache hits are never limited; IPv6 counted per /64). 0 turns the "
          + "limit off. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_MISS_RATE_LIMIT]")
  int missRateLimit;

  @Option(names = "--miss-burst", paramLabel = "N", defaultValue = "120",
      description = "Renders of uncached pages one client address may cause at once before --miss-rate-limit "
          + "applies. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_MISS_BURST]")
  int missBurst;

  FarmConfig applyTo(FarmConfig base) {
    if (missRateLimit < 0 || missBurst < 1) {
      throw new IllegalArgumentException("--miss-rate-limit must be 0 (no limit) or renders a minute, and --miss-burst"
          + " at least 1; got " + missRateLimit + " and " + missBurst + " (RENDERGATE_MISS_RATE_LIMIT, RENDERGATE_MISS_BURST)");
    }
    FarmConfig config = base
        .withEngine(EngineMode.fromLabel(engine))
        .withProbeBudget(probeBudget)
        .withRecheckEvery(recheckEvery)
        .withChromium(chromium)
        .withQueueSize(queue)
        .withRenderTimeout(renderTimeout)
        .withCacheMaxBytes(cacheSize)
        .withCacheTtl(cacheTtl)
        .withRedisUri(redis)
        .withQueryParams(QueryAllowList.parse(queryParams == null ? List.of() : queryParams))
        .withMissRatePerMinute(missRateLimit)
        .withMissBurst(missBurst);
    return pool == null ? config : config.withPoolSize(pool);
  }
}
