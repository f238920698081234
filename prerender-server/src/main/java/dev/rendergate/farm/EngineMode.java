package dev.rendergate.farm;

import java.util.Locale;

/** Which render engine the farm uses: one fixed engine, or {@code AUTO} (HtmlUnit first, Chromium as fallback). */
public enum EngineMode {
    AUTO, HTMLUNIT, CHROMIUM;

    /** Parses {@code auto|htmlunit|chromium}, case-insensitively. */
    public static EngineMode fromLabel(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("engine must be auto, htmlunit or chromium, not '" + label + "'", e);
        }
    }

    /** The lower-case name used in flags, headers and metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
