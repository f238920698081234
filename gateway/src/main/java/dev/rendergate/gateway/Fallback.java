package dev.rendergate.gateway;

/** What a crawler gets when the farm is down, too slow, or says it failed. */
public enum Fallback {
    /** The SPA shell ({@code index.html}) with status 200: the crawler sees what a person's browser gets. */
    SHELL,
    /** 503 with {@code Retry-After}: the crawler comes back later instead of indexing an empty shell. */
    UNAVAILABLE;

    /** Parses {@code shell} / {@code unavailable} (any case); the message lists the accepted values. */
    public static Fallback fromLabel(String label) {
        for (Fallback f : values()) {
            if (f.name().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("fallback must be shell or unavailable, got " + label);
    }
}
