package dev.rendergate.gateway;

import dev.rendergate.edge.request.EdgeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Gateway} needs to run: where it listens, where the site it serves comes from, the farm it
 * sends crawlers to, other services behind it, and its timeouts and limits.
 *
 * <p>Start from {@link #defaults(Path)} and adjust with the {@code with...} copies; {@link #validate()}
 * runs when the gateway is created and names the bad value.
 *
 * @param port           TCP port, 0 for an ephemeral one
 * @param bindHost       address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param site           where the SPA comes from: a folder or an HTTP(S) origin; also answers {@code /api/}
 *                       unless a route does
 * @param farmBaseUrl    the prerender farm, e.g. {@code http://127.0.0.1:3000}; null = crawlers get the fallback
 * @param farmToken      sent as {@code X-Prerender-Token}; null = none
 * @param fallback       what a crawler gets when the farm fails
 * @param edgeConfig     the edge-function configuration (crawler classes, asset extensions, SPA shell);
 *                       its farm fields are replaced by {@code farmBaseUrl} and {@code farmToken}
 * @param publicOrigin   the public scheme://host[:port] of the site, used for the URL the farm renders;
 *                       null = {@code http://<Host header>}
 * @param routes         other services behind the edge, matched by path prefix, longest first
 * @param shortLinks     where {@code /s/<code>} is looked up (a mapping file or a Redis hash); null = none
 * @param timeouts       farm and client timeouts
 * @param limits         request size limits
 * @param workerThreads  event-loop threads, 0 = one per core
 * @param metrics        where {@code /metrics} is served, apart from the public port; null = not served (the
 *                       gateway still counts: {@link Gateway#metrics()})
 */
public record GatewayConfig(
        int port,
        String bindHost,
        SiteSource site,
        URI farmBaseUrl,
        String farmToken,
        Fallback fallback,
        EdgeConfig edgeConfig,
        URI publicOrigin,
        List<ProxyRoute> routes,
        ShortLinkStore shortLinks,
        GatewayTimeouts timeouts,
        GatewayLimits limits,
        int workerThreads,
        MetricsListener metrics) {

    public GatewayConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(edgeConfig, "edgeConfig");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(limits, "limits");
        routes = List.copyOf(routes);
    }

    /**
     * Loopback, port 8080, no farm, SPA-shell fallback, default timeouts and limits, no metrics listener, the site
     * from a folder.
     */
    public static GatewayConfig defaults(Path siteDir) {
        return defaults(SiteSource.folder(siteDir));
    }

    /** Loopback, port 8080, no farm, SPA-shell fallback, default timeouts and limits, no metrics listener. */
    public static GatewayConfig defaults(SiteSource site) {
        return new GatewayConfig(8080, "127.0.0.1", site, null, null, Fallback.SHELL, EdgeConfig.defaults(), null, List.of(),
                null, GatewayTimeouts.defaults(), GatewayLimits.defaults(), 0, null);
    }

    /** Checks the values a person typed; the message names the value and what is wrong with it. */
    public GatewayConfig validate() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        site.validate();
        if (farmBaseUrl != null) {
            requireHttpUrl("farm URL", farmBaseUrl);
        }
        if (publicOrigin != null) {
            requireHttpUrl("public origin", publicOrigin);
        }
        if (shortLinks != null) {
            shortLinks.validate();
        }
        if (metrics != null) {
            metrics.validate();
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("worker threads must be >= 0, got " + workerThreads);
        }
        return this;
    }

    static void requireHttpUrl(String what, URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL, got " + uri);
        }
    }

    public GatewayConfig withPort(int value) {
        return new GatewayConfig(value, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withBindHost(String value) {
        return new GatewayConfig(port, value, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withSite(SiteSource value) {
        return new GatewayConfig(port, bindHost, value, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    /** The farm to send crawlers to (null = none) and its token (null = none). */
    public GatewayConfig withFarm(URI baseUrl, String token) {
        return new GatewayConfig(port, bindHost, site, baseUrl, token, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withFallback(Fallback value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, value, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withEdgeConfig(EdgeConfig value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, value, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withPublicOrigin(URI value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, value, routes, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withRoutes(List<ProxyRoute> value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, value, shortLinks, timeouts, limits, workerThreads, metrics);
    }

    public GatewayConfig withShortLinks(ShortLinkStore value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, value, timeouts, limits, workerThreads, metrics);
    }

    /** Short links from a mapping file (null = none). */
    public GatewayConfig withShortLinks(Path file) {
        return withShortLinks(file == null ? null : new ShortLinkStore.File(file));
    }

    public GatewayConfig withTimeouts(GatewayTimeouts value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, value, limits, workerThreads, metrics);
    }

    public GatewayConfig withLimits(GatewayLimits value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, value, workerThreads, metrics);
    }

    public GatewayConfig withWorkerThreads(int value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, value, metrics);
    }

    /** Serves {@code /metrics} on {@code value} (null = no metrics listener). */
    public GatewayConfig withMetrics(MetricsListener value) {
        return new GatewayConfig(port, bindHost, site, farmBaseUrl, farmToken, fallback, edgeConfig, publicOrigin, routes, shortLinks, timeouts, limits, workerThreads, value);
    }

    /** The edge configuration with its farm fields taken from {@code farmBaseUrl} and {@code farmToken}. */
    public EdgeConfig effectiveEdgeConfig() {
        EdgeConfig edge = edgeConfig.withFarmToken(farmToken == null ? "" : farmToken);
        if (farmBaseUrl == null) {
            return edge;
        }
        String scheme = farmBaseUrl.getScheme();
        int farmPort = farmBaseUrl.getPort() > 0 ? farmBaseUrl.getPort() : scheme.equals("https") ? 443 : 80;
        return edge.withFarmDomain(farmBaseUrl.getHost()).withFarmPort(farmPort).withFarmProtocol(scheme);
    }

    /** Never prints the farm token. */
    @Override
    public String toString() {
        return "GatewayConfig[" + bindHost + ":" + port + ", site=" + site + ", farm=" + farmBaseUrl
                + ", token=" + (farmToken == null || farmToken.isEmpty() ? "none" : "set") + ", fallback=" + fallback
                + ", publicOrigin=" + publicOrigin + ", routes=" + routes + ", shortLinks=" + shortLinks
                + ", " + timeouts + ", " + limits + ", workers=" + workerThreads
                + ", metrics=" + (metrics == null ? "off" : metrics.bindHost() + ":" + metrics.port()) + "]";
    }

    /** The retry hint sent with a 503 fallback. */
    public Duration retryAfter() {
        return timeouts.retryAfter();
    }
}
