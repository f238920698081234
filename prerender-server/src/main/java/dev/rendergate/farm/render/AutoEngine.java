package dev.rendergate.farm.render;

import dev.rendergate.farm.metrics.FarmMetrics;
import java.util.Optional;

/**
 * The {@code auto} engine: HtmlUnit first (fast) unless the route is known to need Chromium; when HtmlUnit's
 * result fails validation, Chromium renders it and the route is remembered. Without Chromium, HtmlUnit's
 * validation failure is the answer.
 */
public final class AutoEngine implements RenderEngine {
    private final RenderEngine htmlUnit;
    private final Optional<RenderEngine> chromium;
    private final EngineMemory memory;
    private final FarmMetrics metrics;
    private volatile RenderEngine current;

    /**
     * @param htmlUnit this slot's own HtmlUnit engine
     * @param chromium a Chromium engine (may be shared by all slots; must be thread-safe), if available
     * @param memory   shared per-route engine memory
     * @param metrics  counts fallbacks
     */
    public AutoEngine(RenderEngine htmlUnit, Optional<RenderEngine> chromium, EngineMemory memory, FarmMetrics metrics) {
        this.htmlUnit = htmlUnit;
        this.chromium = chromium;
        this.memory = memory;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public RenderOutcome render(RenderJob job) {
        if (chromium.isPresent() && chromium.get().name().equals(memory.known(job.url()))) {
            return run(chromium.get(), job);
        }
        RenderOutcome first = run(htmlUnit, job);
        if (first instanceof RenderOutcome.Rendered) {
            memory.remember(job.url(), htmlUnit.name());
            return first;
        }
        if (first instanceof RenderOutcome.Failed f && f.anotherEngineMay() && chromium.isPresent() && !job.expired()) {
            metrics.fallback(htmlUnit.name(), chromium.get().name());
            RenderOutcome second = run(chromium.get(), job);
            if (second instanceof RenderOutcome.Rendered) {
                memory.remember(job.url(), chromium.get().name());
                return second;
            }
            // Chromium could not start at all: HtmlUnit's own reason says more about the page.
            boolean unavailable = second instanceof RenderOutcome.Failed s && s.reason().equals("chromium-unavailable");
            return unavailable ? first : second;
        }
        return first;
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

    /** Closes this slot's HtmlUnit engine; a shared Chromium engine is closed by its owner. */
    @Override
    public void close() {
        htmlUnit.close();
    }
}
