package dev.rendergate.farm.render.chromium;

import java.util.List;
import java.util.Map;

/**
 * What one Chromium render produced.
 *
 * @param html the serialized document with its doctype; empty when nothing loaded
 * @param status the main document's HTTP status; 0 when no response arrived (blocked, network error)
 * @param headers the main document's response headers, names in lower case
 * @param finalUrl the document's URL when the snapshot was taken
 * @param errors console errors, uncaught exceptions and load failures, bounded in count and length
 * @param timedOut true when the page was not ready within the budget (the HTML is what there was)
 * @param renderMillis wall time of the render
 */
public record ChromiumPage(
        String html,
        int status,
        Map<String, String> headers,
        String finalUrl,
        List<String> errors,
        boolean timedOut,
        long renderMillis) {

    public ChromiumPage {
        html = html == null ? "" : html;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        finalUrl = finalUrl == null ? "" : finalUrl;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
