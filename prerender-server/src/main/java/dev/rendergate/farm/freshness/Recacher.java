package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out {@link RecacheRequest}s on one node: each named URL is re-rendered for the requested device,
 * or for every device this node has cached (the devices it has not cached are dropped from every tier, so
 * another node's copy cannot outlive the recache). A prefix re-renders the snapshots cached under it, on
 * this node or (found by a bounded scan of the shared tier) any other, at most {@link RecacheRequest#MAX_URLS}
 * of them. A build id in the request is recorded in every new snapshot. Renders run on a small pool of their own, so a recache never takes more engines
 * than {@code concurrency}, and a request waits for them no longer than its deadline.
 */
public final class Recacher implements AutoCloseable {
    private final FarmFreshness freshness;
    private final ThreadPoolExecutor pool;
    private final Duration deadline;

    public Recacher(FarmFreshness freshness, int concurrency, Duration deadline) {
        this.freshness = freshness;
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "recache-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Carries out {@code request} and says what happened. */
    public RecacheSummary run(RecacheRequest request) {
        List<RecacheSummary.Failure> failed = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        if (request.prefix() != null) {
            for (CacheKey key : freshness.cachedUnder(request.prefix(), RecacheRequest.MAX_URLS)) {
                if (request.device() == null || request.device() == key.device()) {
                    URI target = URI.create(key.url());
                    jobs.add(new Job(key.url(), key.device(),
                            pool.submit(() -> freshness.recache(target, key.device(), request.buildId()))));
                }
            }
            return new RecacheSummary(await(jobs, failed), 0, failed);
        }
        long invalidated = 0;
        for (String raw : request.urls()) {
            URI url;
            try {
                url = URI.create(raw.trim());
                freshness.cached(url, Device.DESKTOP); // validates the URL's form
            } catch (IllegalArgumentException e) {
                failed.add(new RecacheSummary.Failure(raw, request.device() == null ? "-" : request.device().label(),
                        "bad-url"));
                continue;
            }
            for (Device device : Device.values()) {
                if (request.device() == device || request.device() == null && freshness.cached(url, device)) {
                    URI target = url;
                    jobs.add(new Job(raw, device, pool.submit(() -> freshness.recache(target, device, request.buildId()))));
                } else if (request.device() == null) {
                    freshness.invalidate(url, device);
                    invalidated++;
                }
            }
        }
        int recached = await(jobs, failed);
        return new RecacheSummary(recached, invalidated, failed);
    }

    private int await(List<Job> jobs, List<RecacheSummary.Failure> failed) {
        long end = System.nanoTime() + deadline.toNanos();
        int recached = 0;
        for (Job job : jobs) {
            String reason;
            try {
                reason = job.result().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                job.result().cancel(true);
                reason = "deadline";
            } catch (ExecutionException e) {
                reason = "internal-error";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.result().cancel(true);
                reason = "interrupted";
            }
            if (reason == null) {
                recached++;
            } else {
                failed.add(new RecacheSummary.Failure(job.url(), job.device().label(), reason));
            }
        }
        return recached;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private record Job(String url, Device device, Future<String> result) {
    }
}
