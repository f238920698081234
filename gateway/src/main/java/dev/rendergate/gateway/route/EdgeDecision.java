package dev.rendergate.gateway.route;

import dev.rendergate.edge.detect.BotClass;
import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Verdict;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeHeaders;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.OriginRequestLogic;
import dev.rendergate.edge.request.ViewerRequestLogic;
import dev.rendergate.gateway.crawler.GatewayCrawlerVerification;
import dev.rendergate.gateway.log.AccessLog;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the edge function's own code on a Netty request, exactly as CloudFront would: the request becomes
 * a CloudFront-shaped {@link EdgeRequest}, goes through {@link ViewerRequestLogic} and, when marked for
 * prerendering, {@link OriginRequestLogic}. The result says where the request goes.
 */
final class EdgeDecision {

    /** Where the edge sent a request. */
    sealed interface Outcome {
        /** Serve {@code uri} (possibly rewritten to the SPA shell) from the site. */
        record Site(String uri, String verdict) implements Outcome {
        }

        /**
         * Ask the farm; {@code farmHeaders} are the origin-request logic's headers for it; {@code botClass} is the
         * crawler's class label ({@code search}, {@code social}, {@code ai}, {@code tool}, or {@code unknown}).
         */
        record Prerender(String bot, String botClass, String device, Map<String, String> farmHeaders) implements Outcome {
            String verdict() {
                return "bot:" + bot;
            }
        }
    }

    private final ViewerRequestLogic viewer;
    private final OriginRequestLogic origin;
    private final RecentVerdicts classifier;
    private final GatewayCrawlerVerification verification;
    private final java.util.Set<BotClass> prerendered;

    EdgeDecision(EdgeConfig config, CrawlerClassifier classifier, GatewayCrawlerVerification verification) {
        this.classifier = new RecentVerdicts(classifier);
        this.viewer = new ViewerRequestLogic(config, this.classifier, verification.verification());
        this.origin = new OriginRequestLogic(config);
        this.verification = verification;
        this.prerendered = config.prerenderClasses();
    }

    /**
     * The DNS lookup verifying the crawler this request claims, when its decision needs one that is not
     * done yet; the caller decides once it completes, off the event loop's critical path.
     *
     * @return the pending lookup, or null when the request can be decided now
     */
    CompletableFuture<?> pendingVerification(HttpRequest request, SocketAddress client) {
        String ua = request.headers().get("user-agent");
        if (ua == null || !(client instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return null;
        }
        Verdict verdict = classifier.apply(ua);
        if (!verdict.bot() || !prerendered.contains(verdict.botClass())) {
            return null;
        }
        CompletableFuture<?> lookup = verification.pendingLookup(verdict.name(), inet.getAddress().getHostAddress());
        return lookup == null || lookup.isDone() ? null : lookup;
    }

    Outcome decide(HttpRequest request, String path, String query, SocketAddress client) {
        EdgeRequest viewed = viewer.apply(toEdge(request, path, query, client));
        if (!EdgeHeaders.isMarked(viewed)) {
            return new Outcome.Site(viewed.uri(), verdictLabel(request));
        }
        EdgeRequest routed = origin.apply(viewed);
        if (routed.origin() == null) {
            // The origin-request logic failed open (e.g. a Host that cannot form a URL): a person's answer.
            return new Outcome.Site("/index.html", "bot:" + viewed.header(EdgeHeaders.BOT).orElse("?"));
        }
        Map<String, String> farmHeaders = new LinkedHashMap<>();
        // The token travels as the farm origin's custom header, as CloudFront sends it.
        farmHeaders.put("X-Prerender-Token", routed.origin().customHeaders().getOrDefault("X-Prerender-Token", ""));
        farmHeaders.put("X-Rendergate-Device", routed.header(EdgeHeaders.DEVICE).orElse("desktop"));
        farmHeaders.put("X-Rendergate-Bot", routed.header(EdgeHeaders.BOT).orElse(""));
        // The connection's peer, as CloudFront's clientIp: the farm rations renders of uncached pages per address.
        farmHeaders.put("X-Rendergate-Client-Ip", routed.header(EdgeHeaders.CLIENT_IP).orElse(""));
        BotClass botClass = BotClass.fromLabel(routed.header(EdgeHeaders.CLASS).orElse(null));
        return new Outcome.Prerender(routed.header(EdgeHeaders.BOT).orElse(""),
                botClass == null ? "unknown" : botClass.label(), routed.header(EdgeHeaders.DEVICE).orElse("desktop"),
                farmHeaders);
    }

    /** The access log's verdict for a request the edge did not mark (assets are not classified at the edge). */
    private String verdictLabel(HttpRequest request) {
        if (!AccessLog.enabled()) {
            return "human";
        }
        String ua = request.headers().get("user-agent");
        if (ua == null) {
            return "human";
        }
        Verdict verdict = classifier.apply(ua);
        return verdict.bot() ? "bot:" + verdict.name() : "human";
    }

    /** The request as the edge function sees it; its headers are read in place ({@link RequestHeaderView}). */
    private static EdgeRequest toEdge(HttpRequest request, String path, String query, SocketAddress client) {
        String ip = client instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "";
        return new EdgeRequest(ip, request.method().name(), path, query, new RequestHeaderView(request.headers()), null);
    }
}
