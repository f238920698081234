package dev.rendergate.edge.request;

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
 * {@code Host} set to the farm, the device header and the viewer's address ({@code X-Rendergate-Client-Ip},
 * from the event's {@code clientIp}; the farm rations renders of uncached pages per address). The farm's token travels only as the farm origin's
 * custom header {@code X-Prerender-Token}: CloudFront rejects a result whose request headers repeat a
 * name of the origin's custom headers, so a request header of that name is removed.
 *
 * <p>Where the farm is: the {@link CloudFrontFarm#FARM_HEADER} and {@code X-Prerender-Token} custom
 * headers of the origin CloudFront chose (set per environment on the distribution, so the package
 * carries no address or secret), else the configuration. A host that is not a plain host name is not
 * trusted to build a URL, and a farm header CloudFront would reject is not used: such a request is left
 * unchanged (fail open).
 */
public final class OriginRequestLogic {

    private static final int MAX_HOST_LENGTH = 253 + 6;
    /** The headers a request for the farm gets: its device, the farm as Host, and the viewer's address. */
    private static final HeaderNames TO_FARM = HeaderNames.of(EdgeHeaders.DEVICE_KEY, EdgeHeaders.HOST_HEADER_KEY,
            EdgeHeaders.CLIENT_IP_KEY);

    private final EdgeConfig config;
    private final BinaryOperator<String> join;
    /** The farm last built from origin headers; one deployment sends the same ones on every event. */
    private FarmChoice lastChoice;

    /**
     * @param config the deployment's configuration; its farm is the custom origin unless the origin's
     *               custom headers name another
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
        this.lastChoice = new FarmChoice("", config.farmToken(), CloudFrontFarm.of(config, config.farmToken()));
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
        EdgeOrigin farm = farmFor(request.originHeaders());
        String path = join.apply(join.apply("/https://", host), request.uri());
        // Plain locals, so that the JavaScript build makes the values an array literal (see ViewerRequestLogic).
        String farmDomain = farm.domainName();
        // CloudFront's clientIp is the viewer's address as its edge saw the connection: nothing a client can set.
        String clientIp = request.clientIp();
        return request.withoutHeader(EdgeHeaders.PRERENDER_TOKEN).routedTo(path, farm, TO_FARM, device, farmDomain,
                clientIp);
    }

    /** The farm the origin's custom headers name, else the configured one; the token likewise. */
    private EdgeOrigin farmFor(Map<String, String> originHeaders) {
        String url = originHeaders.get(CloudFrontFarm.FARM_HEADER);
        String token = originHeaders.get(EdgeHeaders.PRERENDER_TOKEN);
        url = url == null ? "" : url;
        token = token == null ? config.farmToken() : token;
        FarmChoice last = lastChoice;
        if (last.url.equals(url) && last.token.equals(token)) {
            return last.farm;
        }
        EdgeOrigin farm = url.isEmpty()
                ? CloudFrontFarm.of(config, token)
                : CloudFrontFarm.fromUrl(url, token, config.farmReadTimeoutSeconds());
        lastChoice = new FarmChoice(url, token, farm);
        return farm;
    }

    /** A farm and the origin header values it was built from; immutable, so it is safe to share. */
    private static final class FarmChoice {
        final String url;
        final String token;
        final EdgeOrigin farm;

        FarmChoice(String url, String token, EdgeOrigin farm) {
            this.url = url;
            this.token = token;
            this.farm = farm;
        }
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
