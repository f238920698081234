package dev.rendergate.farm.render;

/**
 * Why a render produced nothing a crawler should see. Clients get only the {@link #code()} (in
 * {@code X-Rendergate-Reason}) and the fixed {@link #message()}; what an engine said goes to the log, never to a
 * client, since a page can put anything in its errors.
 */
public enum FailureReason {
    TIMEOUT("timeout", "the page did not finish within the render budget"),
    ORIGIN_UNREACHABLE("origin-unreachable", "the page's origin could not be reached"),
    EGRESS_REFUSED("egress-refused", "the page's address is not one renders may reach: not an allowed origin, or its "
            + "name resolves to a private address"),
    EGRESS_LIMIT("egress-limit", "the page fetched more than one render may (bytes, requests or connections)"),
    NOT_HTML("not-html", "the URL does not answer an HTML page"),
    TOO_LARGE("too-large", "the rendered page is larger than the snapshot size limit"),
    UNSUPPORTED_JS("htmlunit-unsupported-js", "HtmlUnit cannot run this page's JavaScript (ES modules or newer syntax)"),
    SCRIPT_ERROR("htmlunit-script-error", "a script of the page failed under HtmlUnit"),
    STALLED("htmlunit-stalled", "the page stopped working under HtmlUnit before it said it was ready"),
    APP_ROOT_EMPTY("app-root-empty", "the app's root element stayed empty"),
    APP_ROOT_UNRENDERED("app-root-unrendered", "the app's root element still shows its loading placeholder"),
    EMPTY_PAGE("empty-page", "the page rendered nothing"),
    NEEDS_CHROMIUM("needs-chromium", "HtmlUnit cannot render this page and this farm has no Chromium: install "
            + "Debian's chromium package (apt-get install chromium) or run the farm with --engine chromium"),
    CHROMIUM_UNAVAILABLE("chromium-unavailable", "Chromium could not be started"),
    CHROMIUM_ERROR("chromium-error", "Chromium failed during the render"),
    RENDER_ERROR("render-error", "the render engine failed"),
    INTERRUPTED("interrupted", "the farm stopped during the render");

    private final String code;
    private final String message;

    FailureReason(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The short token clients see in {@code X-Rendergate-Reason}, logs and metrics. */
    public String code() {
        return code;
    }

    /** One fixed sentence for the response body, saying what a person can do where there is something to do. */
    public String message() {
        return message;
    }

    /**
     * True when the page itself is the problem, so another engine would fail the same way (an unreachable origin,
     * no HTML, a page over the size limit); false when the engine is the problem and another may succeed.
     */
    public boolean pageProblem() {
        return this == ORIGIN_UNREACHABLE || this == NOT_HTML || this == TOO_LARGE || this == EGRESS_REFUSED
                || this == EGRESS_LIMIT;
    }
}
