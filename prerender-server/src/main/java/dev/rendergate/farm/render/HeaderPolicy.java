package dev.rendergate.farm.render;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers may reach the crawler. From the origin only a short allow-list passes (the rendered body is new,
 * so the shell's entity headers would lie); from page metas anything except hop-by-hop, cookies and headers the
 * farm sets itself.
 */
final class HeaderPolicy {
    private static final Set<String> FROM_ORIGIN = Set.of(
            "location", "link", "content-language", "x-robots-tag", "cache-control", "expires");
    private static final Set<String> NEVER = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
            "trailer", "trailers", "transfer-encoding", "upgrade", "set-cookie", "set-cookie2", "content-length",
            "content-encoding", "content-type", "date", "server", "host");

    private HeaderPolicy() {
    }

    /** True when an origin response header may be passed through. */
    static boolean fromOrigin(String name) {
        return FROM_ORIGIN.contains(name.toLowerCase(Locale.ROOT));
    }

    /** True when a header declared by a page meta may be passed through. */
    static boolean fromMeta(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !NEVER.contains(n) && !n.startsWith("x-rendergate-") && n.matches("[a-z0-9!#$%&'*+.^_`|~-]+");
    }
}
