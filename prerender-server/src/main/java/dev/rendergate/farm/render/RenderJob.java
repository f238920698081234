package dev.rendergate.farm.render;

import dev.rendergate.edge.detect.Device;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One page to render for one device class, with a hard budget counted from when the job was created (so time
 * spent waiting in the queue counts against it).
 *
 * @param url          the absolute, already guarded URL
 * @param device       device class (viewport and User-Agent)
 * @param budget       total time allowed
 * @param createdNanos {@link System#nanoTime()} at creation
 */
public record RenderJob(URI url, Device device, Duration budget, long createdNanos) {

    public RenderJob {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(budget, "budget");
    }

    /** A job whose budget starts now. */
    public static RenderJob of(URI url, Device device, Duration budget) {
        return new RenderJob(url, device, budget, System.nanoTime());
    }

    /**
     * The same job with at most {@code cap} of its budget left from now (a probe that must leave the rest to another
     * engine); never more than the job itself has left.
     */
    public RenderJob capped(Duration cap) {
        long elapsed = System.nanoTime() - createdNanos;
        long capped = Math.min(budget.toNanos(), elapsed + cap.toNanos());
        return new RenderJob(url, device, Duration.ofNanos(capped), createdNanos);
    }

    /** Budget left, never negative. */
    public Duration remaining() {
        long left = budget.toNanos() - (System.nanoTime() - createdNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    /** True once the budget is spent. */
    public boolean expired() {
        return remaining().isZero();
    }

    /** Milliseconds since the job was created. */
    public long elapsedMillis() {
        return (System.nanoTime() - createdNanos) / 1_000_000;
    }
}
