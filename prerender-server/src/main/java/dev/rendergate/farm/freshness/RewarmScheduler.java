package dev.rendergate.farm.freshness;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job (the nightly re-warm) at the times a {@link CronExpression} names, on exactly one node per
 * occurrence: before running, a node claims the occurrence in a {@link RunLock} for as long as until the
 * next one, so every other node that wakes for it finds the claim and skips. The claim is kept after a
 * successful run (releasing it would let a node whose clock is a little late run the occurrence again)
 * and released after a failed one.
 */
public final class RewarmScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RewarmScheduler.class);
    private static final Duration MIN_LEASE = Duration.ofMinutes(1);
    private static final Duration MAX_LEASE = Duration.ofDays(7);

    private final CronExpression cron;
    private final Clock clock;
    private final RunLock lock;
    private final Runnable job;
    private final String name;
    private final ScheduledExecutorService timer;

    RewarmScheduler(String name, CronExpression cron, Clock clock, RunLock lock, Runnable job) {
        this.name = Objects.requireNonNull(name, "name");
        this.cron = Objects.requireNonNull(cron, "cron");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.job = Objects.requireNonNull(job, "job");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rewarm-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Schedules {@code job} at every occurrence of {@code cron} on {@code clock} (its zone decides what
     * "03:00" means), claiming each occurrence as {@code <name>:<epoch second>} in {@code lock} (closed
     * with the scheduler).
     */
    public static RewarmScheduler start(String name, CronExpression cron, Clock clock, RunLock lock, Runnable job) {
        RewarmScheduler scheduler = new RewarmScheduler(name, cron, clock, lock, job);
        scheduler.scheduleAfter(scheduler.now());
        LOG.info("event=rewarm-scheduled name={} cron=\"{}\" next={}", name, cron, scheduler.nextRun());
        return scheduler;
    }

    /** The next occurrence after now. */
    public ZonedDateTime nextRun() {
        return cron.next(now());
    }

    /**
     * Claims {@code occurrence} and runs the job if the claim succeeds.
     *
     * @return whether this node ran it
     */
    public boolean runOccurrence(ZonedDateTime occurrence) {
        Duration lease = leaseFor(occurrence);
        RunLock.Claim claim = lock.tryClaim(name + ":" + occurrence.toEpochSecond(), lease);
        if (claim == null) {
            LOG.info("event=rewarm-skipped name={} occurrence={} why=claimed-elsewhere", name, occurrence);
            return false;
        }
        long start = System.nanoTime();
        try {
            job.run();
            LOG.info("event=rewarm-done name={} occurrence={} ms={}", name, occurrence,
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            claim.release();
            LOG.warn("event=rewarm-failed name={} occurrence={} error={}", name, occurrence, e.toString());
            return true;
        }
    }

    /** How long an occurrence's claim lasts: until the next occurrence, within 1 minute and 7 days. */
    Duration leaseFor(ZonedDateTime occurrence) {
        Duration untilNext = Duration.between(occurrence, cron.next(occurrence));
        return untilNext.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : untilNext.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : untilNext;
    }

    private void scheduleAfter(ZonedDateTime after) {
        ZonedDateTime next = cron.next(after);
        long delay = Math.max(0, Duration.between(now(), next).toMillis());
        try {
            timer.schedule(() -> {
                try {
                    runOccurrence(next);
                } finally {
                    scheduleAfter(next.isAfter(now()) ? next : now());
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: nothing more to schedule
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** Stops scheduling and closes the lock. */
    @Override
    public void close() {
        timer.shutdownNow();
        lock.close();
    }
}
