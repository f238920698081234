package dev.rendergate.farm.render;

import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.egress.EgressSession;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.WebResponseData;
import org.htmlunit.util.NameValuePair;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * Every request HtmlUnit makes passes here: refused ones (private addresses, other origins, images, fonts,
 * analytics) are answered locally with an empty 403 or 204 and counted; allowed ones are tracked for
 * network-idle detection. The main document's redirect is not followed but captured, so the farm can pass the
 * origin's 3xx through.
 */
final class GuardedConnection extends WebConnectionWrapper {
    private final SubrequestPolicy policy;
    private final FarmMetrics metrics;
    private final EgressSession egress;
    private final NetworkActivity activity = new NetworkActivity();
    private final Set<String> refusedUrls = ConcurrentHashMap.newKeySet();
    private volatile String mainUrl;
    private volatile String mainLocation;

    GuardedConnection(WebClient client, SubrequestPolicy policy, FarmMetrics metrics, EgressSession egress) {
        super(client);
        this.egress = egress;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** Starts a new render of {@code url}. */
    void begin(String url) {
        activity.reset();
        refusedUrls.clear();
        mainLocation = null;
        mainUrl = url;
    }

    NetworkActivity activity() {
        return activity;
    }

    /** The main document's {@code Location} if the origin answered 3xx, else null. */
    String mainLocation() {
        return mainLocation;
    }

    /** URLs refused during this render (their load errors are not the page's fault). */
    boolean wasRefused(String url) {
        return refusedUrls.contains(url);
    }

    @Override
    public WebResponse getResponse(WebRequest request) throws IOException {
        String url = request.getUrl().toExternalForm();
        SubrequestPolicy.Decision decision = decide(url);
        boolean main = url.equals(mainUrl);
        if (!decision.allowed() && !(main && decision == SubrequestPolicy.Decision.SKIP_ASSET)) {
            return refuse(request, decision);
        }
        activity.started();
        try {
            WebResponse response = fetch(request);
            if (response.getResponseHeaderValue(EgressProxy.REFUSAL_HEADER) != null) {
                refusedUrls.add(url);
            }
            int status = response.getStatusCode();
            if (main && status >= 300 && status < 400 && response.getResponseHeaderValue("Location") != null) {
                mainUrl = null; // a redirect of the main document is reported, never followed
                mainLocation = response.getResponseHeaderValue("Location");
                return withoutLocation(response, request);
            }
            return response;
        } finally {
            activity.finished();
        }
    }

    /**
     * Fetches through the egress proxy. A tunnel it refused (HTTPS) fails inside HtmlUnit's client; that request
     * counts as refused, like one the guard refused here, so its load error is not held against the page. An origin
     * the proxy could not connect to fails as a connection would without a proxy (HtmlUnit would otherwise make an
     * empty page of the connection the proxy closed unanswered).
     */
    private WebResponse fetch(WebRequest request) throws IOException {
        URL u = request.getUrl();
        int port = u.getPort() == -1 ? u.getDefaultPort() : u.getPort();
        try {
            return super.getResponse(request);
        } catch (IOException e) {
            if (egress.refusal(u.getHost(), port).isPresent()) {
                refusedUrls.add(u.toExternalForm());
                return empty(request, 403);
            }
            if (egress.unreachable(u.getHost(), port)) {
                throw new ConnectException("could not connect to " + u.getHost() + ":" + port);
            }
            throw e;
        }
    }

    /** Answers a request the guard refused locally (403 when blocked for safety, 204 when skipped) and counts it. */
    WebResponse refuse(WebRequest request, SubrequestPolicy.Decision decision) {
        refusedUrls.add(request.getUrl().toExternalForm());
        metrics.subrequestRefused(decision.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return empty(request, decision.blocked() ? 403 : 204);
    }

    private SubrequestPolicy.Decision decide(String url) {
        try {
            return policy.decide(new URI(url));
        } catch (URISyntaxException e) {
            return SubrequestPolicy.Decision.BLOCK_SCHEME;
        }
    }

    private static WebResponse empty(WebRequest request, int status) {
        List<NameValuePair> headers = List.of(new NameValuePair("Content-Type", "text/plain"),
                new NameValuePair("Content-Length", "0"));
        return new WebResponse(new WebResponseData(new byte[0], status, status == 403 ? "Forbidden" : "No Content",
                headers), request, 0);
    }

    private static WebResponse withoutLocation(WebResponse response, WebRequest request) throws IOException {
        List<NameValuePair> headers = new ArrayList<>();
        for (NameValuePair h : response.getResponseHeaders()) {
            if (!h.getName().equalsIgnoreCase("Location")) {
                headers.add(h);
            }
        }
        byte[] body = response.getContentAsStream().readAllBytes();
        return new WebResponse(new WebResponseData(body, response.getStatusCode(), response.getStatusMessage(), headers),
                request, response.getLoadTime());
    }
}
