package dev.rendergate.gateway.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the values of one label few and well formed. Reasons partly come from an upstream (the farm's
 * {@code X-Rendergate-Reason}); each new value is a new series in every Prometheus that scrapes us, so only
 * short lower-case tokens pass, and past {@code max} distinct values the rest count as {@code other}.
 */
final class BoundedLabel {

    static final String OTHER = "other";
    private static final int MAX_LENGTH = 40;

    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedLabel(int max) {
        this.max = max;
    }

    String of(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        if (seen.contains(value)) {
            return value;
        }
        // The size check races with other threads: a few values past the bound are harmless, unbounded ones are not.
        if (!wellFormed(value) || seen.size() >= max) {
            return OTHER;
        }
        seen.add(value);
        return value;
    }

    private static boolean wellFormed(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0)) {
                return false;
            }
        }
        return true;
    }
}
