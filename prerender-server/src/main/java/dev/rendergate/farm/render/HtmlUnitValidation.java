package dev.rendergate.farm.render;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides whether an HtmlUnit render really rendered the app. HtmlUnit fails silently on modern builds (module
 * scripts skipped, ES2017+ syntax rejected), returning the "Loading…" shell with status 200; this catches that.
 */
final class HtmlUnitValidation {
    private static final int MAX_DETAIL = 160;
    private final String appRootSelector;

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
    Optional<String> problem(String renderedHtml, String shellHtml, List<String> scriptErrors) {
        Document rendered = Jsoup.parse(renderedHtml);
        Element module = rendered.selectFirst("script[type=module]");
        if (module != null) {
            String what = module.hasAttr("src") ? module.attr("src") : "(inline)";
            return Optional.of("htmlunit-unsupported-js: module script " + clip(what));
        }
        if (!scriptErrors.isEmpty()) {
            return Optional.of("htmlunit-script-error: " + clip(scriptErrors.get(0)));
        }
        return rootProblem(rendered, Jsoup.parse(shellHtml));
    }

    /** The engine-neutral part: an empty app root (for engines that run modern JavaScript). */
    Optional<String> emptyRoot(String renderedHtml) {
        Element root = Jsoup.parse(renderedHtml).selectFirst(appRootSelector);
        boolean empty = root != null && root.text().isBlank()
                && root.select("img, svg, video, iframe, input, canvas").isEmpty();
        return empty ? Optional.of("app-root-empty") : Optional.empty();
    }

    private Optional<String> rootProblem(Document rendered, Document shell) {
        Element root = rendered.selectFirst(appRootSelector);
        if (root == null) {
            boolean emptyBody = rendered.body().text().isBlank()
                    && rendered.body().select("*:not(script):not(noscript):not(style)").size() <= 1;
            return emptyBody ? Optional.of("empty-page") : Optional.empty();
        }
        String text = root.text().strip();
        if (text.isEmpty() && root.select("img, svg, video, iframe, input, canvas").isEmpty()) {
            return Optional.of("app-root-empty");
        }
        Element shellRoot = shell.selectFirst(appRootSelector);
        String shellText = shellRoot == null ? "" : shellRoot.text().strip();
        if (!shellText.isEmpty() && shellText.equals(text)) {
            return Optional.of("app-root-unrendered: still '" + clip(shellText) + "'");
        }
        return Optional.empty();
    }

    private static String clip(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
