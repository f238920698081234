package dev.rendergate.gateway.http;

/** How a crawler's request that the edge sent to the farm was answered. */
public enum CrawlerAnswer {
    /** The farm answered over HTTP (a render or the farm's cache). */
    FARM("farm"),
    /** The farm in the same process handed over a fresh cache hit, no HTTP exchange. */
    LOCAL_HIT("local-hit"),
    /** The farm failed; the crawler got the SPA shell. */
    SHELL("shell"),
    /** The farm failed; the crawler got 503 with Retry-After. */
    UNAVAILABLE("unavailable");

    private final String label;

    CrawlerAnswer(String label) {
        this.label = label;
    }

    /** The metric label value. */
    public String label() {
        return label;
    }
}
