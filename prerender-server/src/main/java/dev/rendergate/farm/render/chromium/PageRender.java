package dev.rendergate.farm.render.chromium;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The steps of one render in a tab: navigate, wait until the page says it is ready (or the network
 * went quiet after DOMContentLoaded), and serialize the document, all within the hard deadline. A page
 * that overruns is stopped and its script interrupted, and what there is comes back marked timed out.
 */
final class PageRender {
    /** The page as rendered (the tab is disposed after every render, whatever happened in it). */
    record Outcome(ChromiumPage page) {
    }

    private static final String READY =
            "typeof window.prerenderReady === 'undefined' ? null : window.prerenderReady === true";
    private static final String SNAPSHOT = "(() => { const d = document;"
            + " const t = d.doctype ? new XMLSerializer().serializeToString(d.doctype) + '\\n' : '';"
            + " return { html: t + (d.documentElement ? d.documentElement.outerHTML : ''), url: location.href }; })()";
    private static final long MIN_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final CdpConnection cdp;
    private final String sessionId;
    private final ChromiumOptions options;
    private final PageLoad load;

    PageRender(CdpConnection cdp, String sessionId, ChromiumOptions options, PageLoad load) {
        this.cdp = cdp;
        this.sessionId = sessionId;
        this.options = options;
        this.load = load;
    }

    Outcome run(URI url, long startNanos, long deadlineNanos) {
        // Part of the budget is kept back so a late page can still be stopped and serialized in time.
        long reserve = Math.min(TimeUnit.SECONDS.toNanos(1), (deadlineNanos - System.nanoTime()) / 4);
        long readyBy = deadlineNanos - reserve;
        boolean timedOut = false;
        boolean stuck = false;
        try {
            Map<String, Object> nav = cdp.call(sessionId, "Page.navigate", Map.of("url", url.toString()), left(readyBy));
            load.navigationStarted((String) nav.get("loaderId"));
            Object errorText = nav.get("errorText");
            if (errorText != null && !load.finishedEarly()) {
                load.error("navigation failed: " + errorText);
                return new Outcome(page("", url.toString(), false, startNanos));
            }
            timedOut = !awaitReady(readyBy);
        } catch (CdpException e) {
            requireConnection(e);
            timedOut = true;
            stuck = e.timedOut() && load.domContentLoaded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        }
        if (load.crashedRenderer()) {
            // Whatever the page showed before its renderer died is a partial page, never a snapshot.
            throw new ChromiumException("the renderer process of " + url + " crashed during the render");
        }
        if (load.finishedEarly()) {
            return new Outcome(page("", url.toString(), false, startNanos));
        }
        if (timedOut) {
            String loading = load.stillLoading();
            load.error(loading.isEmpty() ? "timed out: the page never said it was ready" : "timed out: " + loading);
            cdp.send(sessionId, "Page.stopLoading", Map.of());
        }
        if (stuck) {
            cdp.send(sessionId, "Runtime.terminateExecution", Map.of());
        }
        return snapshot(url, timedOut, startNanos, deadlineNanos);
    }

    /** True when ready before {@code readyBy}; a script that blocks the page surfaces as a timed-out call. */
    private boolean awaitReady(long readyBy) throws InterruptedException {
        long quiet = options.quietPeriod().toNanos();
        long poll = options.pollInterval().toNanos();
        while (!load.finishedEarly()) {
            long now = System.nanoTime();
            if (now >= readyBy) {
                return false;
            }
            if (load.domContentLoaded()) {
                Object ready = evaluate(READY, Math.min(options.callTimeout().toNanos(), readyBy - now)).get("value");
                if (Boolean.TRUE.equals(ready) || (ready == null && load.networkIdleFor(quiet))) {
                    return true;
                }
            }
            load.awaitActivity(Math.min(poll, readyBy - System.nanoTime()));
        }
        return true;
    }

    private Outcome snapshot(URI url, boolean timedOut, long startNanos, long deadlineNanos) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Map<String, Object> value = asMap(evaluate(SNAPSHOT, Math.max(MIN_CALL_NANOS,
                        (deadlineNanos - System.nanoTime()) / (2 - attempt))).get("value"));
                Object finalUrl = value.get("url");
                return new Outcome(page(String.valueOf(value.getOrDefault("html", "")),
                        finalUrl == null ? url.toString() : finalUrl.toString(), timedOut, startNanos));
            } catch (CdpException e) {
                requireConnection(e);
                if (!e.timedOut()) {
                    load.error("snapshot failed: " + e.getMessage());
                    break;
                }
                // The page's script holds the main thread: interrupt it and try once more.
                cdp.send(sessionId, "Runtime.terminateExecution", Map.of());
            }
        }
        load.error("no snapshot: the page did not yield within the budget");
        return new Outcome(page("", url.toString(), true, startNanos));
    }

    private Map<String, Object> evaluate(String expression, long timeoutNanos) {
        Map<String, Object> answer = cdp.call(sessionId, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true), Duration.ofNanos(timeoutNanos));
        return asMap(answer.get("result"));
    }

    private ChromiumPage page(String html, String finalUrl, boolean timedOut, long startNanos) {
        return new ChromiumPage(html, load.status(), load.headers(), finalUrl, load.errors(), timedOut,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private void requireConnection(CdpException e) {
        if (!cdp.isOpen()) {
            throw new ChromiumException("Chromium connection lost during render: " + e.getMessage(), e);
        }
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(MIN_CALL_NANOS, deadlineNanos - System.nanoTime()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
