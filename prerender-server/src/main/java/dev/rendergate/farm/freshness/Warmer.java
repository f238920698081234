package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Renders a list of pages for a set of devices through a {@link WarmTarget}, {@code concurrency} at a
 * time. Unless forced, a page whose snapshot is already fresh is skipped without rendering, so a second run
 * over the same sitemap renders nothing new; a stale one is recached, a missing one rendered.
 */
public final class Warmer {
    private final WarmTarget target;
    private final int concurrency;

    public Warmer(WarmTarget target, int concurrency) {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be 1..256, got " + concurrency);
        }
        this.target = Objects.requireNonNull(target, "target");
        this.concurrency = concurrency;
    }

    /**
     * Warms every page for every device and reports; {@code progress} hears after each render (from the
     * render threads, so it must be thread-safe and quick).
     *
     * @param force recache every page, fresh or not (the scheduled re-warm)
     */
    public WarmReport warm(List<URI> pages, List<Device> devices, boolean force, Consumer<WarmProgress> progress) {
        long start = System.nanoTime();
        int total = pages.size() * devices.size();
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        List<WarmReport.Failure> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable report = () -> progress.accept(new WarmProgress(total, rendered.get(), skipped.get(), failed.size(),
                Duration.ofNanos(System.nanoTime() - start)));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "warm");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>(total);
            for (URI page : pages) {
                for (Device device : devices) {
                    tasks.add(pool.submit(() -> {
                        WarmTarget.Attempt attempt = warmOne(page, device, force);
                        if (attempt == null) {
                            skipped.incrementAndGet();
                        } else if (attempt.ok()) {
                            rendered.incrementAndGet();
                        } else {
                            failed.add(new WarmReport.Failure(page.toString(), device.label(), attempt.status(),
                                    attempt.reason()));
                        }
                        report.run();
                    }));
                }
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("warm task failed", e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        report.run();
        return new WarmReport(rendered.get(), skipped.get(), failed, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The attempt, or {@code null} when the page was fresh and skipped. */
    private WarmTarget.Attempt warmOne(URI page, Device device, boolean force) {
        if (force) {
            return target.recache(page, device);
        }
        return switch (target.state(page, device)) {
            case FRESH -> null;
            case STALE -> target.recache(page, device);
            case MISSING, UNKNOWN -> {
                WarmTarget.Attempt attempt = target.render(page, device);
                // An older farm without the status endpoint says HIT for a page another run already warmed.
                yield attempt.ok() && "HIT".equals(attempt.cache()) ? null : attempt;
            }
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
