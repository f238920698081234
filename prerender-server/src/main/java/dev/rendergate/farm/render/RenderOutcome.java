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
     * @param status the HTTP status to answer (504 for a timeout, 502 for a broken render)
     * @param reason why, as a fixed code clients may see
     * @param detail what the engine said (a script error, the module it skipped): for the log only, never a client
     * @param engine engine name
     */
    record Failed(int status, FailureReason reason, String detail, String engine) implements RenderOutcome {
        public Failed {
            java.util.Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        /** A failure with nothing to add to its reason. */
        public Failed(int status, FailureReason reason, String engine) {
            this(status, reason, "", engine);
        }

        /** The failure for a page the egress proxy refused (403) or a render it cut at a limit (502). */
        public static Failed egress(dev.rendergate.farm.egress.EgressRefusedException e, String engine) {
            return e.limit() ? new Failed(502, FailureReason.EGRESS_LIMIT, e.reason(), engine)
                    : new Failed(403, FailureReason.EGRESS_REFUSED, e.reason(), engine);
        }

        /** True when the render ran out of time. */
        public boolean timedOut() {
            return reason == FailureReason.TIMEOUT;
        }
    }
}
