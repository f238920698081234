package dev.rendergate.farm.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a fake clock: no test here waits for time to pass. */
class MissRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void admit_burstThenRefused_withTheSecondsUntilTheNextToken() {
        MissRateLimit limit = MissRateLimit.of(6, 3, 100, now::get); // one token every 10 s

        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit("203.0.113.9").allowed()).as("render %d", i).isTrue();
        }
        MissRateLimit.Admission refused = limit.admit("203.0.113.9");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        assertThat(refused.worthLogging()).isTrue();
        assertThat(limit.admit("203.0.113.9").worthLogging()).as("logged once a minute").isFalse();
    }

    @Test
    void admit_refillsAtTheRate_andNeverAboveTheBurst() {
        MissRateLimit limit = MissRateLimit.of(6, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            limit.admit("a");
        }

        advance(Duration.ofSeconds(10));
        assertThat(limit.admit("a").allowed()).isTrue();
        assertThat(limit.admit("a").allowed()).isFalse();

        advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit("a").allowed()).isTrue();
        }
        assertThat(limit.admit("a").allowed()).isFalse();
    }

    @Test
    void admit_addressesHaveBucketsOfTheirOwn() {
        MissRateLimit limit = MissRateLimit.of(1, 1, 100, now::get);
        assertThat(limit.admit("a").allowed()).isTrue();
        assertThat(limit.admit("a").allowed()).isFalse();

        assertThat(limit.admit("b").allowed()).isTrue();
    }

    @Test
    void trackedAddresses_areBounded() {
        MissRateLimit limit = MissRateLimit.of(60, 10, 50, now::get);
        for (int i = 0; i < 5_000; i++) {
            limit.admit("198.51." + (i / 256) + "." + (i % 256));
        }

        assertThat(limit.trackedAddresses()).isLessThanOrEqualTo(50);
    }

    @Test
    void trackedAddresses_aFullBucketIsForgotten() {
        MissRateLimit limit = MissRateLimit.of(60, 10, 50, now::get);
        limit.admit("a");

        advance(Duration.ofSeconds(11));

        assertThat(limit.trackedAddresses()).isZero();
    }

    @Test
    void zero_turnsTheLimitOff() {
        MissRateLimit limit = MissRateLimit.of(0, 1, 1, now::get);
        for (int i = 0; i < 1_000; i++) {
            assertThat(limit.admit("a").allowed()).isTrue();
        }
        assertThat(limit.enabled()).isFalse();
    }

    @Test
    void badSettings_areRefusedWithTheValue() {
        assertThatThrownBy(() -> MissRateLimit.of(-1, 1, 1, now::get)).hasMessageContaining("-1");
        assertThatThrownBy(() -> MissRateLimit.of(10, 0, 1, now::get)).hasMessageContaining("burst 0");
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
