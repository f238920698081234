package dev.rendergate.farm.render;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a rendered DOM into the snapshot a crawler gets: executable scripts removed (JSON-LD and other data
 * blocks kept), relative links made absolute so the page reads the same wherever it is served from, a
 * render-id meta added. The doctype and everything else stay as the page had them.
 */
final class SnapshotPostProcessor {
    private static final List<String> LINK_ATTRIBUTES = List.of("href", "src", "action", "poster", "data");

    private SnapshotPostProcessor() {
    }

    /** Rewrites {@code doc} in place; {@code pageUrl} is the URL the page was rendered at. */
    static void process(Document doc, URI pageUrl, String renderId) {
        removeExecutableScripts(doc);
        absolutiseLinks(doc, baseOf(doc, pageUrl));
        doc.head().appendElement("meta").attr("name", "rendergate-render-id").attr("content", renderId);
        doc.outputSettings().prettyPrint(false);
    }

    /** True for script types a browser would execute (no type, JavaScript MIME types, modules). */
    static boolean executable(Element script) {
        String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = semicolon >= 0 ? type.substring(0, semicolon).strip() : type;
        return type.isEmpty() || type.equals("module") || type.contains("javascript") || type.contains("ecmascript")
                || type.contains("jscript") || type.contains("livescript") || type.contains("babel")
                || type.contains("jsx");
    }

    private static void removeExecutableScripts(Document doc) {
        for (Element script : doc.select("script")) {
            if (executable(script)) {
                script.remove();
            }
        }
        doc.select("link[rel~=(?i)^modulepreload$], link[rel~=(?i)^preload$][as=script]").remove();
    }

    private static URI baseOf(Document doc, URI pageUrl) {
        Element base = doc.selectFirst("base[href]");
        if (base == null) {
            return pageUrl;
        }
        URI resolved = resolve(pageUrl, base.attr("href"));
        if (resolved != null) {
            base.attr("href", resolved.toString());
        }
        return resolved == null ? pageUrl : resolved;
    }

    private static void absolutiseLinks(Document doc, URI base) {
        for (String attribute : LINK_ATTRIBUTES) {
            for (Element e : doc.select("[" + attribute + "]")) {
                if (e.normalName().equals("base") || e.normalName().equals("meta")) {
                    continue;
                }
                String value = e.attr(attribute).strip();
                if (isRelative(value)) {
                    URI absolute = resolve(base, value);
                    if (absolute != null) {
                        e.attr(attribute, absolute.toString());
                    }
                }
            }
        }
    }

    /** Relative and not a fragment-only link (those must stay page-local). */
    private static boolean isRelative(String value) {
        return !value.isEmpty() && !value.startsWith("#") && !value.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }

    private static URI resolve(URI base, String ref) {
        try {
            return base.resolve(ref.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
