package dev.rendergate.farm.render;

/**
 * Something that turns a URL into a rendered DOM. An instance serves one render at a time (the pool guarantees
 * it); {@link #abort()} may be called from another thread when a render overruns its budget.
 */
public interface RenderEngine extends AutoCloseable {

    /** Lower-case engine name for headers, logs and metrics. */
    String name();

    /** Renders the job within its remaining budget; never throws for page problems, returns {@link RenderOutcome.Failed}. */
    RenderOutcome render(RenderJob job);

    /** Interrupts a render in progress (stop scripts, close windows); the pool replaces this engine afterwards. */
    void abort();

    /** Releases everything the engine holds. */
    @Override
    void close();
}
