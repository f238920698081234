package dev.rendergate.edge.detect;

/** The device class a page is rendered for: phones get the mobile layout, everything else desktop. */
public enum Device {
    MOBILE("mobile"),
    DESKTOP("desktop");

    private final String label;

    Device(String label) {
        this.label = label;
    }

    /** The lower-case label used in headers and cache keys. */
    public String label() {
        return label;
    }

    /** Parses a label, ignoring ASCII case; anything unknown (or null) is {@link #DESKTOP}. */
    public static Device fromLabel(String label) {
        return label != null && AsciiCase.lower(label.trim()).equals(MOBILE.label) ? MOBILE : DESKTOP;
    }
}
