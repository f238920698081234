package dev.rendergate.farm.inspect;

/**
 * What the farm knows about the engines of a page's route, for the engine-disagreement check: whether HtmlUnit's
 * SEO content last disagreed with Chromium's there, and in which fields.
 */
@FunctionalInterface
public interface EngineDisagreements {
    /** Knows nothing: no disagreement is ever reported. */
    EngineDisagreements NONE = (url, engine) -> null;

    /**
     * The fields in which HtmlUnit's render of {@code url}'s route last differed from Chromium's (e.g.
     * {@code "title, h1"}) when the page was served by {@code engine} HtmlUnit, or {@code null} when they agreed,
     * were never compared, or another engine served it.
     */
    String disagreement(String url, String engine);
}
