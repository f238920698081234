package dev.rendergate.farm.render.auto;

import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.FailureReason;
import dev.rendergate.farm.render.RenderEngine;
import dev.rendergate.farm.render.RenderJob;
import dev.rendergate.farm.render.RenderOutcome;
import java.util.Optional;

/**
 * The {@code auto} engine of one pool slot. Chromium is the reference renderer; HtmlUnit answers only routes where
 * it earned it (see {@link RouteKnowledge}), and there under the probe budget: when it overruns, fails validation or
 * reports any script error, Chromium renders the page with the rest of the budget and the route goes back to
 * Chromium. Without Chromium, HtmlUnit answers everything and a page it cannot run fails with a reason that says
 * to install Chromium.
 */
public final class AutoEngine implements RenderEngine {
    /** Engine name of the mode (the page's engine is the one that rendered it). */
    public static final String NAME = "auto";

    private final RenderEngine htmlUnit;
    private final Optional<RenderEngine> chromium;
    private final RouteKnowledge knowledge;
    private final Verifier verifier;
    private final AutoSettings settings;
    private final FarmMetrics metrics;
    private volatile RenderEngine current;

    private AutoEngine(RenderEngine htmlUnit, Optional<RenderEngine> chromium, RouteKnowledge knowledge,
                       Verifier verifier, AutoSettings settings, FarmMetrics metrics) {
        this.htmlUnit = htmlUnit;
        this.chromium = chromium;
        this.knowledge = knowledge;
        this.verifier = verifier;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RenderOutcome render(RenderJob job) {
        if (chromium.isEmpty()) {
            return htmlUnitAlone(job);
        }
        RouteTemplate route = RouteTemplate.of(job.url());
        RouteState state = knowledge.state(route);
        metrics.engineRoute(state.verdict().label());
        return switch (state.verdict()) {
            case HTMLUNIT -> htmlUnitFirst(route, job);
            case LEARNING -> chromiumFirst(route, state, job, true);
            case CHROMIUM -> chromiumFirst(route, state, job, false);
        };
    }

    /** A route HtmlUnit earned: HtmlUnit under the probe budget, Chromium with the rest when it fails. */
    private RenderOutcome htmlUnitFirst(RouteTemplate route, RenderJob job) {
        RenderOutcome first = run(htmlUnit, job.capped(settings.probeBudget()));
        if (first instanceof RenderOutcome.Rendered r) {
            verifier.sample(route, job, r);
            return first;
        }
        RenderOutcome.Failed failed = (RenderOutcome.Failed) first;
        if (failed.reason().pageProblem() || job.expired()) {
            return first;
        }
        if (failed.timedOut()) {
            // Slower than usual (a cold engine, a loaded machine): measured again rather than given up for hours.
            knowledge.relearn(route);
        } else {
            knowledge.htmlUnitFailed(route, failed.reason().code(), failed.reason() == FailureReason.UNSUPPORTED_JS);
        }
        metrics.fallback(htmlUnit.name(), chromium.get().name());
        return run(chromium.get(), job);
    }

    /**
     * Chromium answers; while the route is learned, HtmlUnit renders the same page in the background. When Chromium
     * itself breaks (it cannot start or crashed) and HtmlUnit's render of the route is known to be right, HtmlUnit
     * answers with the rest of the budget.
     */
    private RenderOutcome chromiumFirst(RouteTemplate route, RouteState state, RenderJob job, boolean learn) {
        long start = System.nanoTime();
        RenderOutcome answer = run(chromium.get(), job);
        if (answer instanceof RenderOutcome.Rendered r) {
            if (learn) {
                verifier.learn(route, job, r, (System.nanoTime() - start) / 1_000_000);
            }
            return answer;
        }
        RenderOutcome.Failed failed = (RenderOutcome.Failed) answer;
        boolean chromiumBroke = failed.reason() == FailureReason.CHROMIUM_UNAVAILABLE
                || failed.reason() == FailureReason.CHROMIUM_ERROR;
        if (chromiumBroke && state.htmlUnitProven() && !job.expired()) {
            metrics.fallback(chromium.get().name(), htmlUnit.name());
            return run(htmlUnit, job);
        }
        return answer;
    }

    /** No Chromium: HtmlUnit with the whole budget; what it cannot run is reported as needing Chromium. */
    private RenderOutcome htmlUnitAlone(RenderJob job) {
        RenderOutcome outcome = run(htmlUnit, job);
        if (outcome instanceof RenderOutcome.Failed f && !f.reason().pageProblem() && !f.timedOut()) {
            return new RenderOutcome.Failed(502, FailureReason.NEEDS_CHROMIUM, f.reason().code() + ": " + f.detail(),
                    f.engine());
        }
        return outcome;
    }

    private RenderOutcome run(RenderEngine engine, RenderJob job) {
        current = engine;
        try {
            return engine.render(job);
        } finally {
            current = null;
        }
    }

    @Override
    public void abort() {
        RenderEngine e = current;
        if (e != null) {
            e.abort();
        }
    }

    /** Closes this slot's HtmlUnit engine; the shared Chromium, knowledge and verifier are closed by their owner. */
    @Override
    public void close() {
        htmlUnit.close();
    }

    /** Makes the {@code auto} engines of a pool: what they share, and one HtmlUnit engine each. */
    public static final class Factory implements AutoCloseable {
        private final java.util.function.Supplier<RenderEngine> htmlUnitFactory;
        private final Optional<RenderEngine> chromium;
        private final RouteKnowledge knowledge;
        private final Verifier verifier;
        private final AutoSettings settings;
        private final FarmMetrics metrics;

        /**
         * @param htmlUnitFactory makes one HtmlUnit engine (each slot gets one, the verifier one more)
         * @param chromium        the shared Chromium engine, or empty when none is installed
         * @param renderAgain     renders a page again and replaces its snapshot, when a re-check found HtmlUnit's
         *                        answer wrong
         */
        public Factory(java.util.function.Supplier<RenderEngine> htmlUnitFactory, Optional<RenderEngine> chromium,
                       RouteKnowledge knowledge, AutoSettings settings, FarmMetrics metrics,
                       java.util.function.BiConsumer<java.net.URI, dev.rendergate.edge.detect.Device> renderAgain) {
            this.htmlUnitFactory = htmlUnitFactory;
            this.chromium = chromium;
            this.knowledge = knowledge;
            this.settings = settings;
            this.metrics = metrics;
            this.verifier = chromium.map(c -> new Verifier(htmlUnitFactory, c, knowledge, settings, metrics, renderAgain))
                    .orElse(null);
            for (RouteState.Verdict v : RouteState.Verdict.values()) {
                metrics.engineRoutes(v.label(), () -> knowledge.countByVerdict().get(v));
            }
        }

        /** One slot's engine. */
        public AutoEngine create() {
            return new AutoEngine(htmlUnitFactory.get(), chromium, knowledge, verifier, settings, metrics);
        }

        public RouteKnowledge knowledge() {
            return knowledge;
        }

        /** Comparisons waiting or running in the background. */
        public int pendingChecks() {
            return verifier == null ? 0 : verifier.pending();
        }

        @Override
        public void close() {
            if (verifier != null) {
                verifier.close();
            }
            knowledge.close();
        }
    }
}
