package dev.rendergate.farm.render;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per origin and route pattern, which engine rendered successfully, so {@code auto} goes straight to
 * it next time. Route pattern = first path segment plus {@code /*} when deeper ({@code /doctors/17-x} →
 * {@code /doctors/*}), which groups the routes one SPA component usually renders. Bounded in entries.
 */
public final class EngineMemory {
    private static final int MAX_ENTRIES = 10_000;
    private final Map<String, String> engineByRoute = new ConcurrentHashMap<>();

    /** The engine that last worked for this URL's route, or null. */
    public String known(URI url) {
        return engineByRoute.get(key(url));
    }

    /** Records that {@code engine} rendered this URL's route. */
    public void remember(URI url, String engine) {
        if (engineByRoute.size() >= MAX_ENTRIES) {
            engineByRoute.clear(); // crude but bounded; the knowledge is cheap to relearn
        }
        engineByRoute.put(key(url), engine);
    }

    static String key(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String[] segments = path.split("/", -1);
        String first = segments.length > 1 ? segments[1] : "";
        boolean deeper = segments.length > 2 && !(segments.length == 3 && segments[2].isEmpty());
        return dev.rendergate.farm.guard.UrlGuard.originOf(url) + "/" + first.toLowerCase(Locale.ROOT)
                + (deeper ? "/*" : "");
    }
}
