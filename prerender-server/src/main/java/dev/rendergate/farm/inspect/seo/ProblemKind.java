package dev.rendergate.farm.inspect.seo;

import java.util.Locale;

/** Every problem the checks report, with its severity, a one-sentence explanation and how to fix it. */
public enum ProblemKind {
    SERVER_ERROR(Severity.ERROR,
            "Crawlers get a server error (5xx) for this page; if it lasts, search engines drop the page.",
            "Check the page and the APIs it calls at the origin; the farm's log says why the render answered an error."),
    TITLE_MISSING(Severity.ERROR,
            "The page has no title, so search engines make one up and results show it poorly.",
            "Set a <title> of 30-60 characters that names this page, in the <head> the crawler gets."),
    TITLE_MULTIPLE(Severity.WARNING,
            "The page has more than one <title>, and crawlers may pick the wrong one.",
            "Keep a single <title> in the <head>; check that the app replaces the shell's title instead of adding one."),
    TITLE_DUPLICATE(Severity.WARNING,
            "Other pages have exactly the same title, so search engines cannot tell them apart in results.",
            "Give each page a title with what is unique to it (name, place, category)."),
    DESCRIPTION_MISSING(Severity.WARNING,
            "The page has no meta description, so search results show a snippet picked from the text.",
            "Add <meta name=\"description\" content=\"...\"> of 70-160 characters summing up the page."),
    DESCRIPTION_TOO_LONG(Severity.NOTICE,
            "The meta description is longer than 160 characters and will be cut off in search results.",
            "Shorten the description to at most 160 characters, most important words first."),
    CANONICAL_ELSEWHERE(Severity.WARNING,
            "The canonical link points to another URL, so search engines index that URL instead of this one.",
            "Point <link rel=\"canonical\"> at this page's own URL, unless this page really is a copy of the other."),
    NOINDEX(Severity.ERROR,
            "The page asks search engines not to index it (robots meta or X-Robots-Tag), so it will not appear in results.",
            "Remove noindex from the robots meta tag and the X-Robots-Tag header if the page should be found."),
    SOFT_404(Severity.ERROR,
            "The page answers 200 but looks like a not-found page, so search engines may index an error page.",
            "Answer 404 for missing content: add <meta name=\"prerender-status-code\" content=\"404\"> on the not-found view."),
    EMPTY_RENDER(Severity.ERROR,
            "The rendered page has (almost) no text, so crawlers see an empty page.",
            "Check that the app renders without errors for crawlers, or have the farm render it with Chromium."),
    JSON_LD_INVALID(Severity.ERROR,
            "A JSON-LD block is not valid JSON, so search engines ignore its structured data.",
            "Fix the JSON in the <script type=\"application/ld+json\"> block (quotes, commas, brackets)."),
    SLOW_RENDER(Severity.WARNING,
            "The page took longer to render than the budget, so crawlers wait and may give up on a cache miss.",
            "Make the page ready sooner (fewer, faster API calls; set window.prerenderReady as soon as content is in)."),
    ENGINE_DISAGREEMENT(Severity.WARNING,
            "HtmlUnit served this snapshot although its SEO content disagreed with Chromium's for this route.",
            "Recache the page so Chromium renders it, or render the site with --engine chromium.");

    private final Severity severity;
    private final String explanation;
    private final String fix;

    ProblemKind(Severity severity, String explanation, String fix) {
        this.severity = severity;
        this.explanation = explanation;
        this.fix = fix;
    }

    public Severity severity() {
        return severity;
    }

    /** One plain sentence saying what is wrong and why it matters. */
    public String explanation() {
        return explanation;
    }

    /** How to fix it. */
    public String fix() {
        return fix;
    }

    /** The kebab-case name used as a flag in the API, CSV and filters, e.g. {@code soft-404}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind whose {@link #label()} is {@code label}, or {@code null}. */
    public static ProblemKind fromLabel(String label) {
        for (ProblemKind kind : values()) {
            if (kind.label().equalsIgnoreCase(label.trim())) {
                return kind;
            }
        }
        return null;
    }
}
