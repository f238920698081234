package dev.rendergate.farm.freshness;

import java.util.Locale;

/** How a page's snapshot stands in a node's cache, as {@code GET /cache/status} answers it. */
public enum CacheState {
    /** Cached and within its TTL: a crawler gets it without a render. */
    FRESH,
    /** Cached but past its TTL: served once while it is re-rendered. */
    STALE,
    /** Not in this node's cache. */
    MISSING,
    /** The farm could not say (caching off, or an older farm without the status endpoint). */
    UNKNOWN;

    /** The lower-case wire form. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named by {@code label}; anything unrecognised is {@link #UNKNOWN}. */
    public static CacheState fromLabel(String label) {
        if (label != null) {
            for (CacheState state : values()) {
                if (state.label().equalsIgnoreCase(label.trim())) {
                    return state;
                }
            }
        }
        return UNKNOWN;
    }
}
