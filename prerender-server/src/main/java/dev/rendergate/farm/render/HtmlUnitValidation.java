package dev.rendergate.farm.render;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides whether a render really rendered the app. HtmlUnit fails silently on modern builds (module scripts
 * skipped, ES2017+ syntax rejected), returning the "Loading…" shell with status 200; this catches that.
 */
final class HtmlUnitValidation {
    private static final int MAX_DETAIL = 160;
    private final String appRootSelector;

    /** Why a render must not be used: the reason clients see and the detail for the log. */
    record Problem(FailureReason reason, String detail) {
        RenderOutcome.Failed failed(String engine) {
            return new RenderOutcome.Failed(502, reason, detail, engine);
        }
    }

    HtmlUnitValidation(String appRootSelector) {
        this.appRootSelector = appRootSelector;
    }

    /**
     * Why the render must not be used, or empty when it is good.
     *
     * @param renderedHtml the DOM after scripts ran
     * @param shellHtml    the HTML the origin sent (to recognise an unchanged loading placeholder)
     * @param scriptErrors script errors HtmlUnit reported
     */
    Optional<Problem> problem(String renderedHtml, String shellHtml, List<String> scriptErrors) {
        Document rendered = Jsoup.parse(renderedHtml);
        Optional<Problem> unsupported = unsupportedScripts(rendered);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        if (!scriptErrors.isEmpty()) {
            return Optional.of(new Problem(FailureReason.SCRIPT_ERROR, clip(scriptErrors.get(0))));
        }
        return rootProblem(rendered, Jsoup.parse(shellHtml));
    }

    /**
     * A module script HtmlUnit skips without a word, unless the page also carries a {@code nomodule} fallback
     * (a legacy build), which HtmlUnit runs instead.
     */
    static Optional<Problem> unsupportedScripts(Document page) {
        Element module = page.selectFirst("script[type=module]");
        if (module == null || page.selectFirst("script[nomodule]") != null) {
            return Optional.empty();
        }
        String what = module.hasAttr("src") ? module.attr("src") : "(inline)";
        return Optional.of(new Problem(FailureReason.UNSUPPORTED_JS, "module script " + clip(what)));
    }

    /** The engine-neutral part: an empty app root (for engines that run modern JavaScript). */
    Optional<Problem> emptyRoot(String renderedHtml) {
        Element root = Jsoup.parse(renderedHtml).selectFirst(appRootSelector);
        boolean empty = root != null && root.text().isBlank()
                && root.select("img, svg, video, iframe, input, canvas").isEmpty();
        return empty ? Optional.of(new Problem(FailureReason.APP_ROOT_EMPTY, appRootSelector)) : Optional.empty();
    }

    private Optional<Problem> rootProblem(Document rendered, Document shell) {
        Element root = rendered.selectFirst(appRootSelector);
        if (root == null) {
            boolean emptyBody = rendered.body().text().isBlank()
                    && rendered.body().select("*:not(script):not(noscript):not(style)").size() <= 1;
            return emptyBody ? Optional.of(new Problem(FailureReason.EMPTY_PAGE, "")) : Optional.empty();
        }
        String text = root.text().strip();
        if (text.isEmpty() && root.select("img, svg, video, iframe, input, canvas").isEmpty()) {
            return Optional.of(new Problem(FailureReason.APP_ROOT_EMPTY, appRootSelector));
        }
        Element shellRoot = shell.selectFirst(appRootSelector);
        String shellText = shellRoot == null ? "" : shellRoot.text().strip();
        if (!shellText.isEmpty() && shellText.equals(text)) {
            return Optional.of(new Problem(FailureReason.APP_ROOT_UNRENDERED, "still '" + clip(shellText) + "'"));
        }
        return Optional.empty();
    }

    static String clip(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
