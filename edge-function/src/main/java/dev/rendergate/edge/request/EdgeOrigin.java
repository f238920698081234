package dev.rendergate.edge.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudFront custom origin, as an origin-request function sets it in {@code request.origin.custom}.
 *
 * @param domainName         the origin's DNS name (no scheme, no port)
 * @param port               the origin's port, e.g. 443
 * @param protocol           {@code https} or {@code http}
 * @param path               a path prefix CloudFront adds before the URI; empty for none
 * @param readTimeoutSeconds how long CloudFront waits for the origin's response
 * @param customHeaders      headers CloudFront adds to every request to this origin, in order
 */
public record EdgeOrigin(
        String domainName,
        int port,
        String protocol,
        String path,
        int readTimeoutSeconds,
        Map<String, String> customHeaders) {

    /** Seconds CloudFront keeps an idle connection to the origin open: keeps the farm's connections warm. */
    public static final int KEEPALIVE_TIMEOUT_SECONDS = 5;

    /** The TLS version CloudFront may use to reach the origin. */
    public static final String SSL_PROTOCOL = "TLSv1.2";

    /** Copies the header map, keeping its order so that serialised output stays deterministic. */
    public EdgeOrigin {
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(protocol, "protocol");
        path = path == null ? "" : path;
        customHeaders = customHeaders == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customHeaders));
    }
}
