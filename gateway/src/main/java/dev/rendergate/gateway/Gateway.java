package dev.rendergate.gateway;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.gateway.crawler.GatewayCrawlerVerification;
import dev.rendergate.gateway.crawler.HostResolver;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.metrics.MetricsServer;
import dev.rendergate.gateway.origin.OriginSite;
import dev.rendergate.gateway.proxy.FarmProxy;
import dev.rendergate.gateway.proxy.LocalSnapshots;
import dev.rendergate.gateway.proxy.ServiceProxy;
import dev.rendergate.gateway.route.GatewayRouter;
import dev.rendergate.gateway.route.ShortLinkSource;
import dev.rendergate.gateway.server.NettyServer;
import dev.rendergate.gateway.statics.Site;
import dev.rendergate.gateway.statics.StaticSite;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * rendergate's own edge on Netty: {@code create}, {@code start}, {@code port}, {@code stop}.
 * {@code start()} with port 0 picks a free port (tests); {@code stop()} drains in-flight requests
 * before closing, so a rolling deploy behind a load balancer loses nothing. Its Prometheus metrics are
 * served on a listener of their own when the configuration names one ({@link GatewayConfig#metrics()}).
 */
public final class Gateway {

    /** A short-link look-up in Redis gives up (503) after this. */
    static final Duration SHORT_LINK_TIMEOUT = Duration.ofMillis(200);

    private final GatewayConfig config;
    private final NettyServer server;
    private final FarmProxy farm;
    private final ServiceProxy services;
    private final Site site;
    private final ShortLinkSource shortLinks;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final MetricsServer metricsServer;
    private final GatewayCrawlerVerification crawlerVerification;
    private volatile int port = -1;
    private volatile int metricsPort = -1;

    private Gateway(GatewayConfig config, LocalSnapshots localFarm, HostResolver resolver) {
        this.config = config;
        this.crawlerVerification = GatewayCrawlerVerification.create(config.edgeConfig().crawlerVerification(),
                resolver, metrics);
        this.shortLinks = config.shortLinks() == null ? null
                : ShortLinkSource.open(config.shortLinks(), SHORT_LINK_TIMEOUT);
        this.site = site(config, metrics);
        this.farm = config.farmBaseUrl() == null ? null
                : new FarmProxy(config.farmBaseUrl(), config.timeouts().farmConnect(), config.timeouts().farmResponse(),
                        localFarm, metrics);
        this.services = config.routes().isEmpty() ? null
                : new ServiceProxy(config.routes(), config.timeouts().farmConnect(), config.timeouts().farmResponse(),
                        metrics);
        AtomicReference<NettyServer> self = new AtomicReference<>();
        GatewayRouter router = new GatewayRouter(config, site, farm, services, shortLinks, CrawlerClassifier.standard(),
                crawlerVerification, () -> self.get().draining(), metrics);
        this.server = new NettyServer(router, config.limits(), config.timeouts(), config.workerThreads(), metrics);
        self.set(server);
        this.metricsServer = config.metrics() == null ? null : new MetricsServer(metrics);
    }

    private static Site site(GatewayConfig config, GatewayMetrics metrics) {
        if (config.site() instanceof SiteSource.Origin origin) {
            return OriginSite.of(origin.url(), config.edgeConfig().spaShell(), config.timeouts().farmConnect(),
                    config.timeouts().farmResponse(), config.limits().smallFileBytes(), metrics);
        }
        SiteSource.Folder folder = (SiteSource.Folder) config.site();
        return StaticSite.of(folder.dir(), config.limits().smallFileBytes(), config.limits().fileCacheBytes());
    }

    /** Validates the configuration and prepares (does not bind) a gateway. */
    public static Gateway create(GatewayConfig config) {
        return new Gateway(config.validate(), null, HostResolver.system());
    }

    /**
     * Like {@link #create(GatewayConfig)}, with the DNS answers crawler verification's forward-confirmed
     * reverse DNS gets; for tests.
     */
    public static Gateway create(GatewayConfig config, HostResolver resolver) {
        return new Gateway(config.validate(), null, resolver);
    }

    /**
     * Like {@link #create(GatewayConfig)}, for a gateway whose farm runs in the same process: its fresh
     * hits are taken from {@code localFarm} without an HTTP exchange.
     */
    public static Gateway create(GatewayConfig config, LocalSnapshots localFarm) {
        return new Gateway(config.validate(), localFarm, HostResolver.system());
    }

    /**
     * Binds the port and the metrics listener's; throws {@link PortInUseException} (naming the port and its option)
     * when one is taken.
     */
    public Gateway start() {
        try {
            port = server.start(config.bindHost(), config.port());
            if (metricsServer != null) {
                metricsPort = metricsServer.start(config.metrics().bindHost(), config.metrics().port());
            }
        } catch (RuntimeException e) {
            // What create() opened (a Redis connection, client threads) must not outlive a gateway that never ran.
            server.stop(Duration.ZERO);
            closeClients();
            throw e;
        }
        site.warm();
        return this;
    }

    /** The bound port (the real one when configured with 0); -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** The metrics listener's bound port; -1 when there is none or before {@link #start()}. */
    public int metricsPort() {
        return metricsPort;
    }

    /** What this gateway counts; the same numbers its metrics listener serves. */
    public GatewayMetrics metrics() {
        return metrics;
    }

    public GatewayConfig config() {
        return config;
    }

    /**
     * Stops accepting, drains in-flight requests for up to the configured drain time, then closes; the metrics
     * listener goes last, so a scrape during the drain still sees it.
     */
    public void stop() {
        server.stop(config.timeouts().drain());
        if (metricsServer != null) {
            metricsServer.stop();
        }
        closeClients();
    }

    private void closeClients() {
        if (farm != null) {
            farm.close();
        }
        if (services != null) {
            services.close();
        }
        if (shortLinks != null) {
            shortLinks.close();
        }
        site.close();
        crawlerVerification.close();
    }
}
