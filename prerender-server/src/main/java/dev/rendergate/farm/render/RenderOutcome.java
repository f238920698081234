package dev.rendergate.farm.render;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** What an engine (or the whole pipeline) produced for a {@link RenderJob}: a page, or a failure with a reason. */
public sealed interface RenderOutcome {

    /** The engine that produced this outcome ({@code htmlunit}, {@code chromium}), or {@code none}. */
    String engine();

    /**
     * A rendered page.
     *
     * @param html     the serialised DOM (post-processed once it leaves the pipeline)
     * @param status   the page's HTTP status (origin status, overridden by status metas)
     * @param headers  response headers for the crawler (origin headers that may pass, headers from metas)
     * @param finalUrl the URL the page was rendered at
     * @param errors   script errors seen while rendering (diagnostics; a validated page has none)
     * @param engine   engine name
     */
    record Rendered(String html, int status, Map<String, String> headers, URI finalUrl, List<String> errors,
                    String engine) implements RenderOutcome {
        public Rendered {
            headers = Map.copyOf(headers);
            errors = List.copyOf(errors);
        }

        /** A copy with other html, status and headers. */
        public Rendered with(String newHtml, int newStatus, Map<String, String> newHeaders) {
            return new Rendered(newHtml, newStatus, newHeaders, finalUrl, errors, engine);
        }
    }

    /**
     * A render that produced nothing a crawler should see; never cached.
     *
     * @param status           the HTTP status to answer (504 for a timeout, 502 for a broken render)
     * @param reason           a short token for {@code X-Rendergate-Reason}, e.g. {@code timeout} or
     *                         {@code htmlunit-unsupported-js: module script /assets/index.js}
     * @param engine           engine name
     * @param anotherEngineMay true when the failure is a limit of this engine, so another engine may succeed
     */
    record Failed(int status, String reason, String engine, boolean anotherEngineMay) implements RenderOutcome {
    }
}
