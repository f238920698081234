package dev.rendergate.farm.render.auto;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.FailureReason;
import dev.rendergate.farm.render.RenderEngine;
import dev.rendergate.farm.render.RenderJob;
import dev.rendergate.farm.render.RenderOutcome;
import dev.rendergate.farm.seo.FactsComparison;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the engines off the request path, one render at a time on its own thread with a short queue (a full
 * queue drops the comparison, counted; the route just keeps its Chromium answers a little longer). Learning: a page
 * Chromium answered is rendered by HtmlUnit too and their SEO facts and render times compared. Re-checking: a
 * sample of HtmlUnit's answers is rendered by Chromium; a difference sends the route back to Chromium and has the
 * page rendered again, so the cache drops HtmlUnit's snapshot.
 */
final class Verifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    private static final int QUEUE = 16;
    private static final int HTMLUNIT_RENDERS_PER_ENGINE = 100;

    private final Supplier<RenderEngine> htmlUnitFactory;
    private final RenderEngine chromium;
    private final RouteKnowledge knowledge;
    private final AutoSettings settings;
    private final FarmMetrics metrics;
    private final BiConsumer<URI, Device> renderAgain;
    private final ThreadPoolExecutor executor;
    private final Set<RouteTemplate> learning = ConcurrentHashMap.newKeySet();
    private final AtomicLong htmlUnitAnswers = new AtomicLong();
    private RenderEngine htmlUnit;
    private int htmlUnitRenders;

    /**
     * @param htmlUnitFactory makes this verifier's own HtmlUnit engine (used only on its thread)
     * @param chromium        the shared Chromium engine
     * @param renderAgain     renders a page again and replaces its snapshot (called on the verifier's thread)
     */
    Verifier(Supplier<RenderEngine> htmlUnitFactory, RenderEngine chromium, RouteKnowledge knowledge,
             AutoSettings settings, FarmMetrics metrics, BiConsumer<URI, Device> renderAgain) {
        this.htmlUnitFactory = htmlUnitFactory;
        this.chromium = chromium;
        this.knowledge = knowledge;
        this.settings = settings;
        this.metrics = metrics;
        this.renderAgain = renderAgain;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "engine-verifier");
            t.setDaemon(true);
            return t;
        });
    }

    /** Has HtmlUnit render the page Chromium answered, and compares; one comparison per route at a time. */
    void learn(RouteTemplate route, RenderJob job, RenderOutcome.Rendered byChromium, long chromiumMs) {
        if (!learning.add(route)) {
            return;
        }
        if (!submit("learn", () -> {
            try {
                compareWithHtmlUnit(route, job, byChromium, chromiumMs);
            } finally {
                learning.remove(route);
            }
        })) {
            learning.remove(route);
        }
    }

    /** Every {@code recheckEvery}-th HtmlUnit answer is rendered by Chromium too, and compared. */
    void sample(RouteTemplate route, RenderJob job, RenderOutcome.Rendered byHtmlUnit) {
        if (htmlUnitAnswers.incrementAndGet() % settings.recheckEvery() == 0) {
            submit("recheck", () -> compareWithChromium(route, job, byHtmlUnit));
        }
    }

    private void compareWithHtmlUnit(RouteTemplate route, RenderJob job, RenderOutcome.Rendered byChromium,
                                     long chromiumMs) {
        // Off the request path nobody waits, so HtmlUnit gets the whole budget; whether it is fast enough to
        // answer is judged from its times (RouteState.agreed), not from one cold render against the probe budget.
        RenderEngine engine = htmlUnit();
        RenderJob compared = RenderJob.of(job.url(), job.device(), settings.renderBudget());
        RenderOutcome outcome = renderInHtmlUnit(engine, compared);
        long htmlUnitMs = compared.elapsedMillis();
        if (outcome instanceof RenderOutcome.Failed f) {
            if (!f.reason().pageProblem()) {
                knowledge.htmlUnitFailed(route, f.reason().code(), f.reason() == FailureReason.UNSUPPORTED_JS);
                metrics.engineCheck("learn", "htmlunit-failed");
                LOG.atInfo().addKeyValue("event", "engine-check").addKeyValue("kind", "learn")
                        .addKeyValue("outcome", "htmlunit-failed").addKeyValue("url", job.url())
                        .addKeyValue("reason", f.reason().code()).addKeyValue("detail", f.detail())
                        .log("HtmlUnit cannot render {}: {}", route, f.reason().code());
            }
            return;
        }
        FactsComparison comparison = compare(byChromium, (RenderOutcome.Rendered) outcome);
        if (comparison.agree()) {
            knowledge.agreed(route, htmlUnitMs, chromiumMs);
            metrics.engineCheck("learn", "agreed");
        } else {
            knowledge.disagreed(route, comparison.differing());
            metrics.engineCheck("learn", "disagreed");
            logDisagreement("learn", route, job, comparison);
        }
    }

    private void compareWithChromium(RouteTemplate route, RenderJob job, RenderOutcome.Rendered byHtmlUnit) {
        RenderOutcome outcome = chromium.render(RenderJob.of(job.url(), job.device(), settings.renderBudget()));
        if (!(outcome instanceof RenderOutcome.Rendered byChromium)) {
            metrics.engineCheck("recheck", "chromium-failed");
            return;
        }
        FactsComparison comparison = compare(byChromium, byHtmlUnit);
        if (comparison.agree()) {
            metrics.engineCheck("recheck", "agreed");
            return;
        }
        knowledge.disagreed(route, comparison.differing());
        metrics.engineCheck("recheck", "disagreed");
        logDisagreement("recheck", route, job, comparison);
        renderAgain.accept(job.url(), job.device());
    }

    private static FactsComparison compare(RenderOutcome.Rendered reference, RenderOutcome.Rendered candidate) {
        return FactsComparison.of(reference.finalUrl(), reference.html(), reference.status(), candidate.html(),
                candidate.status());
    }

    private static void logDisagreement(String kind, RouteTemplate route, RenderJob job, FactsComparison comparison) {
        LOG.atWarn().addKeyValue("event", "engine-disagreement").addKeyValue("kind", kind)
                .addKeyValue("route", route).addKeyValue("url", job.url())
                .addKeyValue("differing", String.join(",", comparison.differing()))
                .log("HtmlUnit and Chromium disagree on {} ({}): Chromium answers this route now",
                        route, String.join(", ", comparison.differing()));
    }

    /** This verifier's HtmlUnit engine, started before a render's clock runs (starting one takes a while). */
    private RenderEngine htmlUnit() {
        if (htmlUnit == null) {
            htmlUnit = htmlUnitFactory.get();
        }
        return htmlUnit;
    }

    /** Renders on the verifier's HtmlUnit engine, replaced after a number of renders or a failed one (as the pool does). */
    private RenderOutcome renderInHtmlUnit(RenderEngine engine, RenderJob job) {
        RenderOutcome outcome;
        try {
            outcome = engine.render(job);
        } catch (RuntimeException e) {
            outcome = new RenderOutcome.Failed(502, FailureReason.RENDER_ERROR, e.toString(), "htmlunit");
        }
        if (++htmlUnitRenders >= HTMLUNIT_RENDERS_PER_ENGINE || outcome instanceof RenderOutcome.Failed) {
            engine.close();
            htmlUnit = null;
            htmlUnitRenders = 0;
        }
        return outcome;
    }

    private boolean submit(String kind, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("event=engine-check-error kind={} error={}", kind, e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            metrics.engineCheck(kind, "dropped");
            return false;
        }
    }

    /** Comparisons waiting or running (for tests and the status endpoint). */
    int pending() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (htmlUnit != null) {
            htmlUnit.close();
        }
    }
}
