package dev.rendergate.edge.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The origin-request decision: marked crawler requests go to the prerender farm, all others are left
 * for the configured origin.
 *
 * <p>A marked request gets the farm as CloudFront custom origin, the prerender.io path form
 * {@code /https://<original host><original path>} (CloudFront appends {@code ?querystring} itself, so
 * the farm receives {@code GET /https://host/path?query}; see {@link EdgeRequest#pathAndQuery()}),
 * {@code Host} set to the farm, and the token and device headers. A host that is not a plain host name
 * is not trusted to build a URL: such a request is left unchanged (fail open).
 */
public final class OriginRequestLogic {

    private static final int MAX_HOST_LENGTH = 253 + 6;
    /** The headers a request for the farm gets: its device, and the farm as Host; then the token, when there is one. */
    private static final HeaderNames TO_FARM = HeaderNames.of(EdgeHeaders.DEVICE_KEY, EdgeHeaders.HOST_HEADER_KEY);
    private static final HeaderNames TO_FARM_WITH_TOKEN = HeaderNames.of(EdgeHeaders.DEVICE_KEY,
            EdgeHeaders.HOST_HEADER_KEY, EdgeHeaders.PRERENDER_TOKEN_KEY);

    private final EdgeConfig config;
    private final EdgeOrigin farm;
    private final BinaryOperator<String> join;

    /**
     * @param config the deployment's configuration; its farm becomes the custom origin
     */
    public OriginRequestLogic(EdgeConfig config) {
        this(config, joining());
    }

    /**
     * For the JavaScript build, which joins the farm path with the engine's own strings: compiled to
     * JavaScript, {@link String#concat} copies both strings through a typed array, which took half of a
     * marked origin event's time.
     *
     * @param config the deployment's configuration
     * @param join   joins two strings, as {@link String#concat} does
     */
    public OriginRequestLogic(EdgeConfig config, BinaryOperator<String> join) {
        this.join = Objects.requireNonNull(join, "join");
        this.config = Objects.requireNonNull(config, "config");
        Map<String, String> customHeaders = new LinkedHashMap<>();
        if (!config.farmToken().isEmpty()) {
            customHeaders.put(EdgeHeaders.PRERENDER_TOKEN_KEY, config.farmToken());
        }
        this.farm = new EdgeOrigin(config.farmDomain(), config.farmPort(), config.farmProtocol(), "",
                config.farmReadTimeoutSeconds(), customHeaders);
    }

    /**
     * Decides one origin request.
     *
     * @param request the request after the viewer-request logic
     * @return the request to send; the same request when it is not marked
     */
    public EdgeRequest apply(EdgeRequest request) {
        try {
            return EdgeHeaders.isMarked(request) ? toFarm(request) : request;
        } catch (RuntimeException e) {
            return request;
        }
    }

    private EdgeRequest toFarm(EdgeRequest request) {
        String host = request.headerValue(EdgeHeaders.HOST);
        if (host.isEmpty()) {
            host = request.headerValue(EdgeHeaders.HOST_HEADER);
        }
        if (!isPlainHost(host)) {
            return request;
        }
        String device = request.headerValue(EdgeHeaders.DEVICE);
        if (device.isEmpty()) {
            device = "desktop";
        }
        String path = join.apply(join.apply("/https://", host), request.uri());
        // Plain locals, so that the JavaScript build makes the values an array literal (see ViewerRequestLogic).
        String farmDomain = config.farmDomain();
        String token = config.farmToken();
        return token.isEmpty()
                ? request.routedTo(path, farm, TO_FARM, device, farmDomain)
                : request.routedTo(path, farm, TO_FARM_WITH_TOKEN, device, farmDomain, token);
    }

    // An anonymous class, not a method reference: the first lambda bootstrap costs a cold JVM tens of ms.
    private static BinaryOperator<String> joining() {
        return new BinaryOperator<>() {
            @Override
            public String apply(String left, String right) {
                return left.concat(right);
            }
        };
    }

    /** A DNS name or address with an optional port: nothing that could change the URL's meaning. */
    static boolean isPlainHost(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
