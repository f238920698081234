package dev.rendergate.farm.inspect.seo;

/**
 * How a snapshot was made, for the checks that judge the render rather than the page.
 *
 * @param renderMillis how long the render took
 * @param engine       the engine that rendered it ({@code htmlunit}, {@code chromium})
 * @param disagreement when HtmlUnit served it although its SEO content last disagreed with Chromium's for the
 *                     route: the fields that differed; otherwise {@code null}
 */
public record RenderInfo(long renderMillis, String engine, String disagreement) {

    /** A render with no known engine disagreement. */
    public static RenderInfo of(long renderMillis, String engine) {
        return new RenderInfo(renderMillis, engine, null);
    }
}
