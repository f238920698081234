package dev.rendergate.gateway.metrics;

/** The services behind the gateway whose failures are counted, by the {@code upstream} label. */
public enum Upstream {
    /** The prerender farm. */
    FARM("farm"),
    /** The site's HTTP origin (an S3 bucket or any web server). */
    ORIGIN("origin"),
    /** A service behind a {@code --route}. */
    SERVICE("service"),
    /** The Redis holding short links. */
    SHORT_LINKS("short-links");

    private final String label;

    Upstream(String label) {
        this.label = label;
    }

    /** The label value. */
    public String label() {
        return label;
    }
}
