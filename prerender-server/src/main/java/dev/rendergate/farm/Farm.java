package dev.rendergate.farm;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.farm.cache.CacheConfig;
import dev.rendergate.farm.cache.KeyRules;
import dev.rendergate.farm.cache.SnapshotCache;
import dev.rendergate.farm.freshness.FreshnessRoutes;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.UrlGuard;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.http.EngineRoutes;
import dev.rendergate.farm.http.FarmHttpServer;
import dev.rendergate.farm.http.FarmRoute;
import dev.rendergate.farm.http.TokenCheck;
import dev.rendergate.farm.inspect.CrawlReportSource;
import dev.rendergate.farm.inspect.InspectorRoutes;
import dev.rendergate.farm.inspect.EngineDisagreements;
import dev.rendergate.farm.inspect.SnapshotIndex;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import dev.rendergate.farm.limit.MissRateLimit;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.render.RenderPipeline;
import dev.rendergate.farm.render.auto.RouteKnowledge;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One prerender farm node, wired by hand: {@code create} builds the engines, the cache and the routes from a
 * {@link FarmConfig}, {@code start} binds the HTTP API, {@link #prerenderer()} renders without HTTP (the
 * {@code render} command), {@code stop} drains and closes the engines.
 */
public final class Farm {
    private static final Logger LOG = LoggerFactory.getLogger(Farm.class);

    private final FarmConfig config;
    private final Prerenderer prerenderer;
    private final RouteKnowledge routes;
    private final FarmHttpServer http;

    private Farm(FarmConfig config, CrawlReportSource crawlReport, AddressGuard.HostResolver resolver) {
        BindPolicy.check(config);
        this.config = config;
        FarmMetrics metrics = new FarmMetrics();
        AddressGuard addresses = new AddressGuard(config.privateAddressExceptions(), resolver);
        UrlGuard guard = new UrlGuard(config.allowedOrigins(), addresses);
        SnapshotCache cache = config.cacheMaxBytes() == 0 || config.cacheTtl().isZero() ? null
                : SnapshotCache.create(cacheConfig(config));
        EngineWiring engines = new EngineWiring(config, addresses, metrics, this::renderAgain);
        RenderPipeline pipeline = engines.pipeline();
        this.routes = engines.routes();
        SnapshotIndex history = new SnapshotIndex(historyBytes(config), new SeoChecks(SeoChecks.DEFAULT_RENDER_BUDGET),
                routes == null ? EngineDisagreements.NONE : routes::disagreement, Clock.systemUTC());
        MissRateLimit missLimit = MissRateLimit.of(config.missRatePerMinute(), config.missBurst(),
                MissRateLimit.DEFAULT_MAX_ADDRESSES, Ticker.systemTicker());
        this.prerenderer = new Prerenderer(guard, pipeline, cache, keyRules(config), missLimit, metrics,
                config.renderTimeout(), history);
        TokenCheck tokens = new TokenCheck(config.token());
        List<FarmRoute> farmRoutes = new ArrayList<>(List.of(
                new FreshnessRoutes(prerenderer, config, tokens::accepts),
                new InspectorRoutes(prerenderer, history, config.token(), crawlReport, Clock.systemUTC())));
        if (routes != null) {
            farmRoutes.add(new EngineRoutes(routes, tokens::accepts));
        }
        this.http = new FarmHttpServer(prerenderer, config, tokens, farmRoutes);
    }

    /**
     * Builds a node (engines are created now; nothing is bound until {@link #start()}).
     *
     * @throws IllegalArgumentException when the node would listen off loopback without a long enough token
     *                                  ({@link BindPolicy})
     */
    public static Farm create(FarmConfig config) {
        return create(config, CrawlReportSource.NONE);
    }

    /** As {@link #create(FarmConfig)}, with the recent traffic the inspector's crawl report shows (inside {@code up}). */
    public static Farm create(FarmConfig config, CrawlReportSource crawlReport) {
        return new Farm(Objects.requireNonNull(config, "config"), Objects.requireNonNull(crawlReport, "crawlReport"),
                InetAddress::getAllByName);
    }

    /** As {@link #create(FarmConfig)}, resolving host names with {@code resolver} (a test's own DNS). */
    static Farm create(FarmConfig config, AddressGuard.HostResolver resolver) {
        return new Farm(Objects.requireNonNull(config, "config"), CrawlReportSource.NONE, resolver);
    }

    /**
     * Binds the HTTP API.
     *
     * @throws IllegalStateException naming the address when the port is in use
     */
    public Farm start() {
        http.start();
        LOG.info("event=farm-started bind={}:{} config={}", config.bindHost(), http.port(), config);
        return this;
    }

    /** The bound HTTP port (the real one when configured with 0). */
    public int port() {
        return http.port();
    }

    /** What renders through the guard and the cache: the same path the HTTP API takes. */
    public Prerenderer prerenderer() {
        return prerenderer;
    }

    /** The configuration the node runs with. */
    public FarmConfig config() {
        return config;
    }

    /**
     * What {@code auto} knows of which engine each site and route template needs, or null in the single-engine
     * modes.
     */
    public RouteKnowledge routes() {
        return routes;
    }

    /** A page whose snapshot proved wrong: rendered again, by the engine its route now needs, and recached. */
    private void renderAgain(URI url, Device device) {
        RenderResult result = prerenderer.recache(url, device);
        LOG.info("event=render-again url={} device={} status={} engine={}", url, device.label(), result.status(),
                result.engine());
    }

    /** Stops taking requests, lets running renders finish briefly, closes engines and the cache. */
    public void stop() {
        http.stop();
        prerenderer.close();
        LOG.info("event=farm-stopped");
    }

    /** The inspector's history takes a quarter of the cache's bound (64 MB with the cache off). */
    private static long historyBytes(FarmConfig config) {
        return config.cacheMaxBytes() == 0 ? 64L << 20 : Math.max(8L << 20, config.cacheMaxBytes() / 4);
    }

    private static KeyRules keyRules(FarmConfig config) {
        return CacheConfig.defaults().withQueryParams(config.queryParams()).keyRules();
    }

    private static CacheConfig cacheConfig(FarmConfig config) {
        CacheConfig c = CacheConfig.defaults().withMaxBytes(config.cacheMaxBytes()).withTtl(config.cacheTtl())
                .withQueryParams(config.queryParams());
        return config.redisUri() == null ? c : c.withRedisUri(URI.create(config.redisUri()));
    }
}
