package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The schedule on a fixed clock, and occurrences claimed through the in-process lock. */
class RewarmSchedulerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void nextRun_followsTheCronInTheClocksZone() {
        try (RewarmScheduler utc = new RewarmScheduler("t", CronExpression.parse("0 3 * * *"), CLOCK, RunLock.LOCAL, () -> { });
             RewarmScheduler berlin = new RewarmScheduler("t", CronExpression.parse("0 3 * * *"),
                     CLOCK.withZone(ZoneId.of("Europe/Berlin")), RunLock.LOCAL, () -> { })) {
            assertThat(utc.nextRun()).isEqualTo(ZonedDateTime.parse("2026-11-29T03:00Z"));
            assertThat(berlin.nextRun().toInstant()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        }
    }

    @Test
    void leaseFor_lastsUntilTheNextOccurrenceWithinBounds() {
        try (RewarmScheduler nightly = new RewarmScheduler("t", CronExpression.parse("0 3 * * *"), CLOCK, RunLock.LOCAL, () -> { });
             RewarmScheduler everyMinute = new RewarmScheduler("t", CronExpression.parse("* * * * *"), CLOCK, RunLock.LOCAL, () -> { });
             RewarmScheduler yearly = new RewarmScheduler("t", CronExpression.parse("0 0 1 1 *"), CLOCK, RunLock.LOCAL, () -> { })) {
            ZonedDateTime at = ZonedDateTime.parse("2026-11-29T03:00Z");
            assertThat(nightly.leaseFor(at)).isEqualTo(Duration.ofDays(1));
            assertThat(everyMinute.leaseFor(at)).isEqualTo(Duration.ofMinutes(1));
            assertThat(yearly.leaseFor(at)).isEqualTo(Duration.ofDays(7));
        }
    }

    @Test
    void runOccurrence_twoSchedulersOneLock_runsOnce() {
        AtomicInteger runs = new AtomicInteger();
        RunLock shared = new RunLock() {
            private final RunLock delegate = RunLock.LOCAL;

            @Override
            public Claim tryClaim(String name, Duration lease) {
                return delegate.tryClaim("once-" + name, lease);
            }
        };
        ZonedDateTime occurrence = ZonedDateTime.parse("2026-11-29T03:00Z");
        try (RewarmScheduler a = new RewarmScheduler("t", CronExpression.parse("0 3 * * *"), CLOCK, shared, runs::incrementAndGet);
             RewarmScheduler b = new RewarmScheduler("t", CronExpression.parse("0 3 * * *"), CLOCK, shared, runs::incrementAndGet)) {
            assertThat(a.runOccurrence(occurrence)).isTrue();
            assertThat(b.runOccurrence(occurrence)).isFalse();
            assertThat(a.runOccurrence(occurrence)).isFalse();
            assertThat(b.runOccurrence(occurrence.plusDays(1))).isTrue();
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    void runOccurrence_failedJob_releasesTheClaimForARetry() {
        AtomicInteger attempts = new AtomicInteger();
        ZonedDateTime occurrence = ZonedDateTime.parse("2026-11-30T03:00Z");
        try (RewarmScheduler s = new RewarmScheduler("fail", CronExpression.parse("0 3 * * *"), CLOCK, RunLock.LOCAL, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("sitemap unreachable");
            }
        })) {
            assertThat(s.runOccurrence(occurrence)).isTrue();
            assertThat(s.runOccurrence(occurrence)).isTrue();
            assertThat(s.runOccurrence(occurrence)).isFalse();
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void start_timerFiresAtTheOccurrence() {
        AtomicInteger runs = new AtomicInteger();
        // 100 ms before 03:00 on a clock that stands still: the real timer fires once, then waits a day.
        Clock justBefore = Clock.fixed(Instant.parse("2026-11-29T02:59:59.900Z"), ZoneOffset.UTC);
        try (RewarmScheduler s = RewarmScheduler.start("live", CronExpression.parse("0 3 * * *"), justBefore,
                RunLock.LOCAL, runs::incrementAndGet)) {
            dev.rendergate.farm.testing.Await.until(() -> runs.get() == 1, Duration.ofSeconds(5), "the 03:00 run");
            assertThat(s.nextRun()).isEqualTo(ZonedDateTime.parse("2026-11-29T03:00Z"));
        }
        assertThat(runs).hasValue(1);
    }
}
