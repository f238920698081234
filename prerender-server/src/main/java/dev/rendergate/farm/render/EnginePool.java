package dev.rendergate.farm.render;

import dev.rendergate.farm.metrics.FarmMetrics;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of engines, each used by one render at a time, in front of a bounded queue. A full queue is
 * refused at once ({@link PoolSaturatedException}); an engine is replaced after {@code maxRenders} renders, when
 * the heap is above a high-water mark, after an error, or after a render overran its budget.
 */
public final class EnginePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnginePool.class);
    /** Extra time the caller waits past the budget before aborting the engine itself. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** Fraction of the maximum heap above which the engine that just rendered is replaced. */
    private static final double HEAP_MARK = 0.85;

    private final Supplier<RenderEngine> factory;
    private final int maxRenders;
    private final int timeoutStatus;
    private final FarmMetrics metrics;
    private final ThreadPoolExecutor executor;
    private final BlockingQueue<Slot> idle;
    private final AtomicInteger busy = new AtomicInteger();
    private final int retryAfterSeconds;
    private final int size;

    /**
     * Creates {@code size} engines now (so the first render does not pay for start-up).
     *
     * @param factory       makes one engine
     * @param size          engines and render threads
     * @param queueSize     renders that may wait; one more is refused
     * @param maxRenders    renders per engine before it is replaced
     * @param timeoutStatus status of a render aborted by the pool
     * @param budget        the usual render budget, used to suggest {@code Retry-After}
     */
    public EnginePool(Supplier<RenderEngine> factory, int size, int queueSize, int maxRenders, int timeoutStatus,
                      Duration budget, FarmMetrics metrics) {
        this.factory = factory;
        this.size = size;
        this.maxRenders = maxRenders;
        this.timeoutStatus = timeoutStatus;
        this.metrics = metrics;
        this.retryAfterSeconds = (int) Math.max(1, Math.min(30, budget.toSeconds()));
        this.idle = new LinkedBlockingQueue<>();
        for (int i = 0; i < size; i++) {
            idle.add(new Slot(factory.get()));
        }
        BlockingQueue<Runnable> queue = queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "render-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.prestartAllCoreThreads();
        metrics.queueDepth(() -> executor.getQueue().size());
        metrics.busyEngines(busy::get);
    }

    /**
     * Renders on a pooled engine and waits for it, at most the job's remaining budget plus a grace period.
     *
     * @throws PoolSaturatedException when every engine is busy and the queue is full
     */
    public RenderOutcome render(RenderJob job) {
        Task task = new Task(job);
        Future<RenderOutcome> future;
        try {
            future = executor.submit(task::run);
        } catch (RejectedExecutionException e) {
            throw new PoolSaturatedException(retryAfterSeconds);
        }
        try {
            return future.get(job.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.abort();
            future.cancel(true);
            return new RenderOutcome.Failed(timeoutStatus, FailureReason.TIMEOUT, "abandoned by the pool", task.engineName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.abort();
            future.cancel(true);
            return new RenderOutcome.Failed(503, FailureReason.INTERRUPTED, task.engineName());
        } catch (ExecutionException e) {
            return new RenderOutcome.Failed(502, FailureReason.RENDER_ERROR, String.valueOf(e.getCause()), task.engineName());
        }
    }

    /** Renders waiting for an engine. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    /** True when a new render would be queued or refused rather than start at once. */
    public boolean saturated() {
        return busy.get() >= size && executor.getQueue().remainingCapacity() == 0;
    }

    /** Stops taking renders, waits briefly for running ones, closes every engine. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        Slot s;
        while ((s = idle.poll()) != null) {
            s.engine.close();
        }
    }

    private void release(Slot slot, String recycleReason) {
        if (recycleReason != null) {
            metrics.recycle(recycleReason);
            closeQuietly(slot.engine);
            try {
                slot = new Slot(factory.get());
            } catch (RuntimeException e) {
                // Keep the pool at its size even if one start fails; the next render retries with a fresh engine.
                LOG.warn("event=engine-start-failed error={}", e.toString());
                slot = new Slot(null);
            }
        }
        idle.add(slot);
    }

    /**
     * True when the heap is fuller than {@link #HEAP_MARK} of its maximum: the engine that just rendered gives
     * back whatever its page retained (HtmlUnit's DOM and script caches are the usual growth).
     */
    private static boolean heapAboveMark() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return used > rt.maxMemory() * HEAP_MARK;
    }

    private static void closeQuietly(RenderEngine engine) {
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.debug("event=engine-close-failed error={}", e.toString());
        }
    }

    /** One engine plus how many renders it has done. */
    private static final class Slot {
        final RenderEngine engine;
        int renders;
        volatile boolean aborted;

        Slot(RenderEngine engine) {
            this.engine = engine;
        }
    }

    /** A queued render; knows its slot once it runs so the waiting caller can abort it. */
    private final class Task {
        private final RenderJob job;
        private volatile Slot slot;

        Task(RenderJob job) {
            this.job = job;
        }

        RenderOutcome run() throws InterruptedException {
            Slot s = idle.take();
            if (s.engine == null) {
                s = new Slot(factory.get());
            }
            slot = s;
            busy.incrementAndGet();
            String recycle = null;
            try {
                if (job.expired()) {
                    return new RenderOutcome.Failed(timeoutStatus, FailureReason.TIMEOUT, "expired in the queue", s.engine.name());
                }
                RenderOutcome outcome = s.engine.render(job);
                s.renders++;
                // A render that ran out of time may leave scripts or sockets behind: start the next one clean.
                boolean timedOut = outcome instanceof RenderOutcome.Failed f && f.timedOut();
                recycle = s.aborted ? "aborted" : timedOut ? "timeout" : s.renders >= maxRenders ? "max-renders"
                        : heapAboveMark() ? "heap" : null;
                return outcome;
            } catch (RuntimeException e) {
                recycle = "error";
                LOG.warn("event=engine-error engine={} url={} error={}", s.engine.name(), job.url(), e.toString());
                return new RenderOutcome.Failed(502, FailureReason.RENDER_ERROR, e.toString(), s.engine.name());
            } finally {
                busy.decrementAndGet();
                slot = null;
                release(s, recycle);
            }
        }

        void abort() {
            Slot s = slot;
            if (s != null) {
                s.aborted = true;
                s.engine.abort();
            }
        }

        String engineName() {
            Slot s = slot;
            return s == null || s.engine == null ? "none" : s.engine.name();
        }
    }
}
