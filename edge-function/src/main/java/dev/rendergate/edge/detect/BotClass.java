package dev.rendergate.edge.detect;

/** What kind of automated client a crawler is; configuration decides which classes are prerendered. */
public enum BotClass {
    /** Search engine crawlers and their specialised fetchers (images, ads, inspection). */
    SEARCH("search"),
    /** Social network and messaging link-preview fetchers. */
    SOCIAL("social"),
    /** AI training crawlers and AI assistants fetching on a user's behalf. */
    AI("ai"),
    /** Other automation: HTTP libraries, headless browsers, monitors, SEO crawlers, malformed input. */
    TOOL("tool");

    private final String label;

    BotClass(String label) {
        this.label = label;
    }

    /** The lower-case label used in headers and configuration. */
    public String label() {
        return label;
    }

    /**
     * Parses a label, ignoring ASCII case; returns null for null or an unknown label. ASCII only, not
     * {@code equalsIgnoreCase}: compiled to JavaScript, that loads Unicode case tables, a tenth of the
     * Lambda@Edge bundle's start-up.
     */
    public static BotClass fromLabel(String label) {
        if (label == null) {
            return null;
        }
        String wanted = AsciiCase.lower(label.trim());
        for (BotClass value : values()) {
            if (value.label.equals(wanted)) {
                return value;
            }
        }
        return null;
    }
}
