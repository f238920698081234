package dev.rendergate.gateway;

import java.net.URI;
import java.util.Objects;

/**
 * Another service behind the edge: requests whose checked path starts with {@code prefix} are forwarded to
 * {@code target} with that path, e.g. {@code /api/=http://127.0.0.1:9000}.
 */
public record ProxyRoute(String prefix, URI target) {

    public ProxyRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(target, "target");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("route prefix must start with /, got " + prefix);
        }
        GatewayConfig.requireHttpUrl("route target", target);
    }

    /** Parses {@code /prefix/=http://host:port}, the form of {@code --route}. */
    public static ProxyRoute parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("route must look like /api/=http://host:port, got " + spec);
        }
        return new ProxyRoute(spec.substring(0, eq).trim(), URI.create(spec.substring(eq + 1).trim()));
    }

    /**
     * True when this route answers {@code path} (a checked, normalised path): the prefix matches whole segments, so
     * {@code /api} answers {@code /api} and {@code /api/x} but not {@code /api-admin}.
     */
    public boolean matches(String path) {
        return path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length()
                || path.charAt(prefix.length()) == '/');
    }
}
