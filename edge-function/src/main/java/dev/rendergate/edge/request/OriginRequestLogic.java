package dev.rendergate.edge.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    private final EdgeConfig config;
    private final EdgeOrigin farm;

    /**
     * @param config the deployment's configuration; its farm becomes the custom origin
     */
    public OriginRequestLogic(EdgeConfig config) {
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
        String host = request.header(EdgeHeaders.HOST).orElse("");
        if (host.isEmpty()) {
            host = request.header(EdgeHeaders.HOST_HEADER).orElse("");
        }
        if (!isPlainHost(host)) {
            return request;
        }
        String device = request.header(EdgeHeaders.DEVICE).orElse("");
        if (device.isEmpty()) {
            device = "desktop";
        }
        List<EdgeHeader> headers = new ArrayList<>(3);
        headers.add(new EdgeHeader(EdgeHeaders.DEVICE_KEY, device));
        headers.add(new EdgeHeader(EdgeHeaders.HOST_HEADER_KEY, config.farmDomain()));
        if (!config.farmToken().isEmpty()) {
            headers.add(new EdgeHeader(EdgeHeaders.PRERENDER_TOKEN_KEY, config.farmToken()));
        }
        return request.routedTo("/https://".concat(host).concat(request.uri()), farm, headers);
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
