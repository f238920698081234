package dev.rendergate.gateway.route;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.gateway.Fallback;
import dev.rendergate.gateway.GatewayConfig;
import dev.rendergate.gateway.ProxyRoute;
import dev.rendergate.gateway.crawler.GatewayCrawlerVerification;
import dev.rendergate.gateway.http.CrawlerAnswer;
import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import dev.rendergate.gateway.metrics.Upstream;
import dev.rendergate.gateway.proxy.FarmProxy;
import dev.rendergate.gateway.proxy.ServiceProxy;
import dev.rendergate.gateway.proxy.UpstreamFailure;
import dev.rendergate.gateway.server.Handler;
import dev.rendergate.gateway.statics.Site;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request to the origin that answers it, after checking its path ({@link RequestPath}: an ambiguous
 * one is answered 400 with {@code X-Rendergate-Reason: bad-path}), in a fixed order: {@code /healthz}; short links
 * {@code /s/<code>}; configured service routes (longest prefix); the site's {@code /api/}; then the edge decision for everything else: marked crawlers to the farm (or the
 * fallback when it fails), all others to the site with the edge's possibly rewritten URI.
 */
public final class GatewayRouter implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRouter.class);
    /** Page answers differ between crawlers and people: a cache in front must key them by User-Agent. */
    static final String VARY_PAGE = "User-Agent";
    static final String PRERENDER_CACHE = "private, no-cache";
    static final String REASON = "X-Rendergate-Reason";

    private final Site site;
    private final EdgeDecision edge;
    private final FarmProxy farm;
    private final ServiceProxy services;
    private final ShortLinkSource shortLinks;
    private final Fallback fallback;
    private final String shell;
    private final String publicOrigin;
    private final long retryAfterSeconds;
    private final BooleanSupplier draining;
    private final GatewayMetrics metrics;

    /**
     * {@code farm} may be null (crawlers then get the fallback), {@code services} null when no routes are
     * configured, {@code shortLinks} null when there is no mapping; {@code metrics} counts fallbacks and
     * short-link failures.
     */
    public GatewayRouter(GatewayConfig config, Site site, FarmProxy farm, ServiceProxy services,
                         ShortLinkSource shortLinks, CrawlerClassifier classifier,
                         GatewayCrawlerVerification verification, BooleanSupplier draining, GatewayMetrics metrics) {
        this.site = site;
        this.edge = new EdgeDecision(config.effectiveEdgeConfig(), classifier, verification);
        this.farm = farm;
        this.services = services;
        this.shortLinks = shortLinks;
        this.fallback = config.fallback();
        this.shell = config.edgeConfig().spaShell();
        this.publicOrigin = originWithoutSlash(config.publicOrigin());
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        this.draining = draining;
        this.metrics = metrics;
    }

    @Override
    public void handle(Exchange ex, FullHttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        // Matched on the checked path, so /api/../admin or /api/..;/admin cannot reach past a route's prefix.
        if (!(RequestPath.parse(path) instanceof RequestPath.Checked checked)) {
            ex.sendText(HttpResponseStatus.BAD_REQUEST, "ambiguous or malformed request path",
                    new DefaultHttpHeaders().set(REASON, "bad-path"));
            return;
        }
        String matched = checked.path();
        ProxyRoute route;
        if (matched.equals("/healthz")) {
            health(ex);
        } else if (isShortLink(matched)) {
            shortLink(ex, path);
        } else if ((route = serviceRoute(matched)) != null) {
            ex.route(matched.startsWith("/api/") ? "api" : "proxy");
            services.forward(ex, request, route, matched, query);
        } else if (matched.startsWith("/api/")) {
            ex.route("api");
            site.serve(ex, path, null);
        } else {
            page(ex, request, path, query);
        }
    }

    /** Only service routes pass a body on; files, pages, renders, short links and health take none. */
    @Override
    public boolean acceptsBody(HttpRequest head) {
        if (services == null) {
            return false;
        }
        String uri = head.uri();
        int q = uri.indexOf('?');
        return RequestPath.parse(q < 0 ? uri : uri.substring(0, q)) instanceof RequestPath.Checked checked
                && !checked.path().equals("/healthz") && !isShortLink(checked.path())
                && serviceRoute(checked.path()) != null;
    }

    private boolean isShortLink(String matched) {
        return shortLinks != null && matched.startsWith(ShortLinkRules.PREFIX);
    }

    private ProxyRoute serviceRoute(String matched) {
        return services == null ? null : services.match(matched);
    }

    private void page(Exchange ex, FullHttpRequest request, String path, String query) {
        CompletableFuture<?> verifying = edge.pendingVerification(request, ex.ctx().channel().remoteAddress());
        if (verifying == null) {
            decidePage(ex, request, path, query);
            return;
        }
        // A claimed crawler whose address needs a DNS check: decided on this connection's event loop once the
        // (time-bounded) lookup is done, never blocking it meanwhile.
        request.retain();
        verifying.whenComplete((done, failure) -> {
            try {
                ex.ctx().executor().execute(() -> {
                    try {
                        decidePage(ex, request, path, query);
                    } finally {
                        request.release();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                request.release();
            }
        });
    }

    private void decidePage(Exchange ex, FullHttpRequest request, String path, String query) {
        EdgeDecision.Outcome outcome = edge.decide(request, path, query, ex.ctx().channel().remoteAddress());
        if (outcome instanceof EdgeDecision.Outcome.Prerender prerender) {
            ex.route("prerender").verdict(prerender.verdict()).crawler(prerender.botClass());
            prerender(ex, request, path, query, prerender);
        } else if (outcome instanceof EdgeDecision.Outcome.Site answer) {
            ex.route(site.route()).verdict(answer.verdict());
            site.serve(ex, answer.uri(), isPage(answer.uri()) ? varyPage() : null);
        }
    }

    private void prerender(Exchange ex, FullHttpRequest request, String path, String query,
                           EdgeDecision.Outcome.Prerender prerender) {
        if (farm == null) {
            fallback(ex, path, new UpstreamFailure("farm-not-configured", 0));
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        String origin = publicOrigin != null ? publicOrigin : "http://" + host;
        String publicUrl = origin + path + (query.isEmpty() ? "" : "?" + query);
        farm.render(ex, publicUrl, prerender.farmHeaders(), GatewayRouter::decoratePrerendered,
                failure -> fallback(ex, path, failure));
    }

    private static void decoratePrerendered(HttpHeaders headers) {
        headers.set(HttpHeaderNames.VARY, VARY_PAGE).set(HttpHeaderNames.CACHE_CONTROL, PRERENDER_CACHE);
    }

    /** The farm could not answer: the configured fallback, always saying why. */
    private void fallback(Exchange ex, String path, UpstreamFailure failure) {
        LOG.warn("prerender fallback {} for {}: {}", fallback, path, failure.reason());
        metrics.fallback(failure.reason());
        HttpHeaders headers = new DefaultHttpHeaders()
                .set(REASON, failure.reason())
                .set(HttpHeaderNames.VARY, VARY_PAGE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (fallback == Fallback.SHELL) {
            ex.answeredBy(CrawlerAnswer.SHELL);
            site.serveShell(ex, shell, headers, () -> unavailable(ex, headers));
        } else {
            unavailable(ex, headers);
        }
    }

    private void unavailable(Exchange ex, HttpHeaders headers) {
        ex.answeredBy(CrawlerAnswer.UNAVAILABLE);
        headers.set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        ex.sendText(HttpResponseStatus.SERVICE_UNAVAILABLE, "prerender unavailable, retry later", headers);
    }

    private static boolean isPage(String uri) {
        return uri.endsWith(".html") || uri.endsWith("/");
    }

    /** Shared and only ever read: one instance instead of one per page request. */
    private static final HttpHeaders VARY_PAGE_HEADERS = new DefaultHttpHeaders().set(HttpHeaderNames.VARY, VARY_PAGE);

    private static HttpHeaders varyPage() {
        return VARY_PAGE_HEADERS;
    }

    private void shortLink(Exchange ex, String path) {
        ex.route("shortlink");
        String code = ShortLinkRules.codeOf(path);
        if (code == null) {
            ex.sendText(HttpResponseStatus.NOT_FOUND, "unknown short link", null);
            return;
        }
        shortLinks.resolve(code, ex.ctx().executor(), resolution -> shortLinkAnswer(ex, resolution));
    }

    private void shortLinkAnswer(Exchange ex, ShortLinkSource.Resolution resolution) {
        if (resolution instanceof ShortLinkSource.Resolution.Found found) {
            HttpHeaders headers = new DefaultHttpHeaders()
                    .set(HttpHeaderNames.LOCATION, found.target())
                    .set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=300");
            ex.sendText(HttpResponseStatus.MOVED_PERMANENTLY, "moved to " + found.target(), headers);
        } else if (resolution instanceof ShortLinkSource.Resolution.Unavailable unavailable) {
            metrics.upstreamError(Upstream.SHORT_LINKS, unavailable.reason());
            HttpHeaders headers = new DefaultHttpHeaders()
                    .set(REASON, unavailable.reason())
                    .set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
            ex.sendText(HttpResponseStatus.SERVICE_UNAVAILABLE, "short links unavailable, retry later", headers);
        } else {
            ex.sendText(HttpResponseStatus.NOT_FOUND, "unknown short link", null);
        }
    }

    private void health(Exchange ex) {
        ex.route("health");
        HttpHeaders noStore = new DefaultHttpHeaders().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (draining.getAsBoolean()) {
            ex.closeAfterResponse();
            ex.sendText(HttpResponseStatus.SERVICE_UNAVAILABLE, "draining", noStore);
        } else {
            ex.sendText(HttpResponseStatus.OK, "ok", noStore);
        }
    }

    private static String originWithoutSlash(URI origin) {
        if (origin == null) {
            return null;
        }
        String s = origin.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
