package dev.rendergate.gateway;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.gateway.proxy.FarmProxy;
import dev.rendergate.gateway.proxy.ServiceProxy;
import dev.rendergate.gateway.route.GatewayRouter;
import dev.rendergate.gateway.route.ShortLinks;
import dev.rendergate.gateway.server.NettyServer;
import dev.rendergate.gateway.statics.StaticSite;
import java.util.concurrent.atomic.AtomicReference;

/**
 * rendergate's own edge on Netty: {@code create}, {@code start}, {@code port}, {@code stop}.
 * {@code start()} with port 0 picks a free port (tests); {@code stop()} drains in-flight requests
 * before closing, so a rolling deploy behind a load balancer loses nothing.
 */
public final class Gateway {

    private final GatewayConfig config;
    private final NettyServer server;
    private final FarmProxy farm;
    private final ServiceProxy services;
    private volatile int port = -1;

    private Gateway(GatewayConfig config) {
        this.config = config;
        StaticSite site = StaticSite.of(config.siteDir(), config.limits().smallFileBytes(),
                config.limits().fileCacheBytes());
        this.farm = config.farmBaseUrl() == null ? null
                : new FarmProxy(config.farmBaseUrl(), config.timeouts().farmConnect(), config.timeouts().farmResponse());
        this.services = config.routes().isEmpty() ? null
                : new ServiceProxy(config.routes(), config.timeouts().farmConnect(), config.timeouts().farmResponse());
        ShortLinks shortLinks = config.shortLinks() == null ? null : ShortLinks.load(config.shortLinks());
        AtomicReference<NettyServer> self = new AtomicReference<>();
        GatewayRouter router = new GatewayRouter(config, site, farm, services, shortLinks, CrawlerClassifier.standard(),
                () -> self.get().draining());
        this.server = new NettyServer(router, config.limits(), config.timeouts(), config.workerThreads());
        self.set(server);
    }

    /** Validates the configuration and prepares (does not bind) a gateway. */
    public static Gateway create(GatewayConfig config) {
        return new Gateway(config.validate());
    }

    /** Binds the port; throws {@link PortInUseException} (naming the port) when it is taken. */
    public Gateway start() {
        port = server.start(config.bindHost(), config.port());
        return this;
    }

    /** The bound port (the real one when configured with 0); -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Stops accepting, drains in-flight requests for up to the configured drain time, then closes. */
    public void stop() {
        server.stop(config.timeouts().drain());
        if (farm != null) {
            farm.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
