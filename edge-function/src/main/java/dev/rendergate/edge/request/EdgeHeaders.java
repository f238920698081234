package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.HeaderText;

/**
 * The header names the edge reads and writes, and the test for a request marked for prerendering.
 *
 * <p>All names are lower case, as CloudFront keys its header map; the {@code *_KEY} constants are the
 * spellings the edge writes as the header's {@code key}.
 */
public final class EdgeHeaders {

    /** Prefix of every marker header; any client-sent header with this prefix is stripped. */
    public static final String MARKER_PREFIX = "x-rendergate-";
    /** The stable crawler name, e.g. {@code googlebot}. Its presence marks a request for the farm. */
    public static final String BOT = "x-rendergate-bot";
    /** The crawler's class label: {@code search}, {@code social}, {@code ai} or {@code tool}. */
    public static final String CLASS = "x-rendergate-class";
    /** The device label, {@code mobile} or {@code desktop}. */
    public static final String DEVICE = "x-rendergate-device";
    /** The viewer's original User-Agent; origin requests otherwise see {@code Amazon CloudFront}. */
    public static final String UA = "x-rendergate-ua";
    /** The viewer's original Host, needed to rebuild the page's absolute URL at the farm. */
    public static final String HOST = "x-rendergate-host";
    /**
     * The viewer's address, set by the origin-request logic on requests to the farm from CloudFront's
     * {@code clientIp} (a client's own copy is stripped with the other markers).
     */
    public static final String CLIENT_IP = "x-rendergate-client-ip";
    /** The farm's shared secret, sent on every request to the farm. */
    public static final String PRERENDER_TOKEN = "x-prerender-token";
    /** Set to {@code 1} by the farm's renderer; such requests are never marked (loop guard). */
    public static final String PRERENDER = "x-prerender";
    /** The User-Agent header. */
    public static final String USER_AGENT = "user-agent";
    /** The Host header. */
    public static final String HOST_HEADER = "host";

    static final String BOT_KEY = "X-Rendergate-Bot";
    static final String CLASS_KEY = "X-Rendergate-Class";
    static final String DEVICE_KEY = "X-Rendergate-Device";
    static final String UA_KEY = "X-Rendergate-Ua";
    static final String HOST_KEY = "X-Rendergate-Host";
    static final String CLIENT_IP_KEY = "X-Rendergate-Client-Ip";
    static final String PRERENDER_TOKEN_KEY = "X-Prerender-Token";
    static final String HOST_HEADER_KEY = "Host";

    /** The markers the viewer logic sets, in this order: crawler name, class, device, User-Agent, Host. */
    static final HeaderNames MARKERS = HeaderNames.of(BOT_KEY, CLASS_KEY, DEVICE_KEY, UA_KEY, HOST_KEY);

    /** The token the farm's renderer puts in its User-Agent; such requests are never marked. */
    public static final String RENDERER_UA_MARKER = CrawlerClassifier.RENDERER_UA_MARKER;

    private EdgeHeaders() {
    }

    /**
     * Tells whether the viewer-request logic marked this request for prerendering.
     *
     * @param request a request after {@link ViewerRequestLogic#apply}
     * @return true when the {@code x-rendergate-bot} marker is present and not blank
     */
    public static boolean isMarked(EdgeRequest request) {
        return !HeaderText.isBlank(request.headerValue(BOT));
    }
}
