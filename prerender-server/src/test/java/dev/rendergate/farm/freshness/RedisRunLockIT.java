package dev.rendergate.farm.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.testing.Await;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run lock against the real Redis on 127.0.0.1:6379, each test in its own key namespace. */
class RedisRunLockIT {
    private static final URI REDIS = URI.create("redis://127.0.0.1:6379");
    private final String prefix = "rendergate-test:" + UUID.randomUUID() + ":";

    @org.junit.jupiter.api.AfterEach
    void dropKeys() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS.toString());
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void tryClaim_manyNodesAtOnce_exactlyOneWins() throws Exception {
        int nodes = 8;
        List<RedisRunLock> locks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunLock.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                RedisRunLock lock = RedisRunLock.create(REDIS, prefix, Duration.ofSeconds(2));
                locks.add(lock);
                claims.add(pool.submit(() -> {
                    go.await();
                    return lock.tryClaim("nightly", Duration.ofSeconds(30));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<RunLock.Claim> claim : claims) {
                won += claim.get(10, TimeUnit.SECONDS) == null ? 0 : 1;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            locks.forEach(RedisRunLock::close);
        }
    }

    @Test
    void release_afterLeaseRanOut_neverDropsTheNextHoldersClaim() {
        try (RedisRunLock a = RedisRunLock.create(REDIS, prefix, Duration.ofSeconds(2));
             RedisRunLock b = RedisRunLock.create(REDIS, prefix, Duration.ofSeconds(2))) {
            RunLock.Claim first = a.tryClaim("job", Duration.ofMillis(150));
            assertThat(first).isNotNull();
            assertThat(b.tryClaim("job", Duration.ofSeconds(30))).isNull();
            RunLock.Claim[] second = new RunLock.Claim[1];
            Await.until(() -> (second[0] = b.tryClaim("job", Duration.ofSeconds(30))) != null, Duration.ofSeconds(5),
                    "the first lease to run out");

            assertThat(first.release()).as("the stale holder releases nothing").isFalse();
            assertThat(a.tryClaim("job", Duration.ofSeconds(30))).as("b still holds it").isNull();
            assertThat(second[0].release()).isTrue();
            assertThat(a.tryClaim("job", Duration.ofSeconds(30))).isNotNull();
        }
    }

    @Test
    void tryClaim_redisUnreachable_skipsRatherThanRisk() {
        try (RedisRunLock dead = RedisRunLock.create(URI.create("redis://127.0.0.1:1"), prefix, Duration.ofMillis(300))) {
            assertThat(dead.tryClaim("job", Duration.ofSeconds(30))).isNull();
        }
    }

    @Test
    void schedulers_onTwoNodesSharingRedis_runAnOccurrenceOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ZonedDateTime occurrence = ZonedDateTime.parse("2026-11-29T03:00Z");
        CronExpression nightly = CronExpression.parse("0 3 * * *");
        try (RewarmScheduler a = new RewarmScheduler("n", nightly, Clock.systemUTC(),
                RedisRunLock.create(REDIS, prefix, Duration.ofSeconds(2)), runs::incrementAndGet);
             RewarmScheduler b = new RewarmScheduler("n", nightly, Clock.systemUTC(),
                     RedisRunLock.create(REDIS, prefix, Duration.ofSeconds(2)), runs::incrementAndGet)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> ra = pool.submit(() -> a.runOccurrence(occurrence));
                Future<Boolean> rb = pool.submit(() -> b.runOccurrence(occurrence));
                assertThat(List.of(ra.get(10, TimeUnit.SECONDS), rb.get(10, TimeUnit.SECONDS))).containsOnlyOnce(true);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(runs).hasValue(1);
    }
}
