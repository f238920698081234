package dev.rendergate.farm.inspect.seo;

import java.util.Locale;

/** How bad a problem is: an error keeps a page out of search or breaks it, a warning costs ranking or clicks. */
public enum Severity {
    ERROR, WARNING, NOTICE;

    /** The lower-case name used in JSON, CSV and options. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as bad as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * The severity named {@code label} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Severity fromLabel(String label) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be error, warning or notice, got '" + label + "'");
    }
}
