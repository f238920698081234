package dev.rendergate.cli;

import java.util.HashMap;

/**
 * Repeated text held once: the same few User-Agents, paths, methods and cache results come back in request after
 * request, and a record of each request needs only a reference to them. A table of at most {@code maxEntries}
 * strings, emptied when full, so distinct text (a client spraying random paths) cannot grow it. Not thread-safe.
 */
final class SharedText {

    private final int maxEntries;
    private final HashMap<String, String> seen = new HashMap<>();

    SharedText(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The copy of {@code text} already held, or {@code text} itself (then held); null stays null. */
    String share(String text) {
        if (text == null) {
            return null;
        }
        String held = seen.get(text);
        if (held != null) {
            return held;
        }
        if (seen.size() >= maxEntries) {
            seen.clear();
        }
        seen.put(text, text);
        return text;
    }

    int size() {
        return seen.size();
    }
}
