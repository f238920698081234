package dev.rendergate.farm.guard;

import java.util.Locale;
import java.util.Set;

/**
 * Which URL schemes a page under render may load inside an engine. Only http(s) goes out, and only through the
 * {@link SubrequestPolicy}; {@code data:}, {@code blob:} and {@code about:} are answered inside the engine and never
 * reach the network or the disk. Every other scheme ({@code file:}, {@code ftp:}, {@code jar:}, {@code chrome:},
 * {@code view-source:} ...) is refused, whatever the page asks.
 */
public final class EngineSchemes {

    /** How an engine treats a scheme. */
    public enum Kind {
        /** Fetched over the network, after the subrequest policy allowed it. */
        NETWORK,
        /** Answered by the engine itself from the URL or its own memory. */
        IN_ENGINE,
        /** Never loaded. */
        REFUSED
    }

    private static final Set<String> NETWORK = Set.of("http", "https");
    private static final Set<String> IN_ENGINE = Set.of("data", "blob", "about");

    private EngineSchemes() {
    }

    /** The kind of {@code scheme} (case-insensitive); null or empty is refused. */
    public static Kind of(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (NETWORK.contains(s)) {
            return Kind.NETWORK;
        }
        return IN_ENGINE.contains(s) ? Kind.IN_ENGINE : Kind.REFUSED;
    }
}
