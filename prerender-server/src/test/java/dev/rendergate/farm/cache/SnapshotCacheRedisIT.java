package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheLookup.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two or more cache "nodes" in one JVM sharing the machine's real Redis. */
class SnapshotCacheRedisIT {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration SWR = Duration.ofHours(1);
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final CacheKey KEY = CacheKey.of(URI.create("https://example.com/doctors/17-jane-doe"), Device.MOBILE);

    private TestRedis redis;
    private final List<SnapshotCache> nodes = new ArrayList<>();
    private final List<TcpProxy> proxies = new ArrayList<>();
    private ExecutorService pool;

    @BeforeEach
    void redis() {
        redis = TestRedis.requireRunning();
        pool = Executors.newFixedThreadPool(200);
    }

    @AfterEach
    void cleanUp() throws Exception {
        pool.shutdownNow();
        nodes.forEach(SnapshotCache::close);
        for (TcpProxy proxy : proxies) {
            proxy.close();
        }
        redis.close();
    }

    @Test
    void twoNodes_shareSnapshotsThroughRedis() {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        Snapshot page = Pages.ok(Pages.html(30_000, "Jane Doe"));

        CacheLookup rendered = a.get(KEY, Pages.Counting.of(page));
        CacheLookup shared = b.get(KEY, key -> {
            throw new AssertionError("node b must not render what node a cached");
        });

        assertThat(rendered.outcome()).isEqualTo(Outcome.MISS);
        assertThat(shared.outcome()).isEqualTo(Outcome.HIT);
        assertThat(shared.snapshot()).isEqualTo(page);
        assertThat(b.stats().l2Hits()).isEqualTo(1);
        assertThat(b.peek(KEY)).as("node b keeps it in its own L1 now").isEqualTo(page);
    }

    @Test
    void keys_listsWhatAnyNodeCachedUnderAPrefix_boundedAndWithoutDuplicates() {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        Snapshot page = Pages.ok("<p>x</p>");
        CacheKey onA = key("doctors/1");
        CacheKey onB = key("doctors/2");
        CacheKey onBoth = CacheKey.of(URI.create("https://example.com/doctors/3"), Device.MOBILE);
        CacheKey elsewhere = key("clinics/1");
        a.put(onA, page);
        b.put(onB, page);
        b.put(elsewhere, page);
        a.get(onBoth, Pages.Counting.of(page));
        b.get(onBoth, Pages.Counting.of(page)); // an L2 hit: now in both L1s and in Redis

        List<CacheKey> listed = a.keys("https://EXAMPLE.com:443/doctors/", 100);

        assertThat(listed).containsExactlyInAnyOrder(onA, onB, onBoth);
        assertThat(a.keys("https://example.com/doctors/", 2)).hasSize(2);
        assertThat(a.keys("https://example.com/doctors/", 0)).isEmpty();
        assertThat(a.keys("https://example.com/doctors/[*", 10)).as("glob characters match literally").isEmpty();
    }

    @Test
    void peekAnyTier_readsAnotherNodesSnapshotWithoutRenderingOrCopyingIt() {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        Snapshot page = Pages.ok("<p>from a</p>");
        a.put(KEY, page);

        assertThat(b.peekAnyTier(KEY)).isEqualTo(page);
        assertThat(b.peek(KEY)).as("a status look does not fill L1").isNull();
        assertThat(b.stats().l2Hits() + b.stats().hits() + b.stats().misses()).isZero();
        assertThat(b.peekAnyTier(key("never-cached"))).isNull();
    }

    @RepeatedTest(5) // races between one node's store and another's lock show up only sometimes
    void twoNodes_200ConcurrentLookupsOfOneUncachedKey_renderExactlyOnce() throws Exception {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        int callers = 200;
        CountDownLatch allStarted = new CountDownLatch(callers);
        AtomicInteger originRenders = new AtomicInteger();
        Function<CacheKey, Snapshot> render = key -> {
            originRenders.incrementAndGet();
            SnapshotCacheTest.awaitQuietly(allStarted); // hold the render until every caller is in
            return Pages.ok(Pages.html(30_000, "rendered once"));
        };

        List<Future<CacheLookup>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            SnapshotCache node = i % 2 == 0 ? a : b;
            results.add(pool.submit(() -> {
                allStarted.countDown();
                return node.get(KEY, render);
            }));
        }
        List<CacheLookup> lookups = new ArrayList<>();
        for (Future<CacheLookup> result : results) {
            lookups.add(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(originRenders).hasValue(1);
        assertThat(lookups).extracting(lookup -> lookup.snapshot().html()).containsOnly(Pages.html(30_000, "rendered once"));
        Map<Outcome, Long> outcomes = lookups.stream().collect(Collectors.groupingBy(CacheLookup::outcome, Collectors.counting()));
        assertThat(outcomes.keySet()).containsAnyOf(Outcome.MISS).doesNotContain(Outcome.STALE);
        assertThat(a.stats().renders() + b.stats().renders()).isEqualTo(1);
    }

    @Test
    void lockHolderDied_followerWaitsOutTheLeaseThenRendersItself() {
        SnapshotCache node = node(redisUri(TestRedis.PORT));
        // A node took the lock and died before storing anything.
        redis.commands().psetex(redis.lockKey(KEY), 400, "999999999".getBytes());
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>after takeover</html>"));
        long started = System.nanoTime();

        CacheLookup lookup = node.get(KEY, render);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(lookup.outcome()).isEqualTo(Outcome.MISS);
        assertThat(render.calls).hasValue(1);
        assertThat(redis.commands().exists(redis.lockKey(KEY))).as("lock released").isZero();
        assertThat(redis.commands().exists(redis.snapKey(KEY))).isEqualTo(1);
    }

    @Test
    void fencing_lateWriteFromAnExpiredLease_doesNotReplaceTheNewerSnapshot() {
        CacheConfig config = config(redisUri(TestRedis.PORT));
        try (RedisTier slow = RedisTier.connect(config, noPeers()); RedisTier fast = RedisTier.connect(config, noPeers())) {
            LockAttempt first = slow.tryLock(KEY);
            assertThat(first).isInstanceOf(LockAttempt.Acquired.class);
            assertThat(fast.tryLock(KEY)).isEqualTo(LockAttempt.HELD);

            redis.commands().del(redis.lockKey(KEY)); // the slow holder's lease runs out
            LockAttempt second = fast.tryLock(KEY);
            assertThat(second).isInstanceOf(LockAttempt.Acquired.class);
            long slowFence = ((LockAttempt.Acquired) first).fence();
            long fastFence = ((LockAttempt.Acquired) second).fence();
            assertThat(fastFence).isGreaterThan(slowFence);

            fast.store(KEY, Pages.ok("<html>new</html>"), fastFence, TTL);
            slow.store(KEY, Pages.ok("<html>old</html>"), slowFence, TTL);

            Stored stored = fast.read(KEY);
            assertThat(stored.snapshot().html()).isEqualTo("<html>new</html>");
            assertThat(stored.fence()).isEqualTo(fastFence);
        }
    }

    @Test
    void storedValue_isCompressedWithTtlPlusStaleWindowInRedis() {
        SnapshotCache node = node(redisUri(TestRedis.PORT));
        String html = Pages.html(30_000, "Jane Doe");

        node.get(KEY, Pages.Counting.of(Pages.ok(html)));

        byte[] body = redis.commands().hget(redis.snapKey(KEY), "body");
        assertThat(body.length).isLessThan(html.length() / 4);
        assertThat(SnapshotCodec.decode(body).html()).isEqualTo(html);
        long pttl = redis.commands().pttl(redis.snapKey(KEY));
        assertThat(pttl).isBetween(TTL.plus(SWR).minusSeconds(30).toMillis(), TTL.plus(SWR).toMillis());
    }

    @Test
    void putOnOneNode_replacesTheOtherNodesL1Copy() {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        a.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));
        b.get(KEY, key -> {
            throw new AssertionError("shared");
        });

        a.put(KEY, Pages.ok("<html>v2</html>"));

        TestRedis.await("node b dropped its v1 copy", DEADLINE, () -> b.peek(KEY) == null);
        CacheLookup lookup = b.get(KEY, key -> {
            throw new AssertionError("v2 is in Redis");
        });
        assertThat(lookup.snapshot().html()).isEqualTo("<html>v2</html>");
        assertThat(lookup.outcome()).isEqualTo(Outcome.HIT);
    }

    @Test
    void invalidatePrefixOnOneNode_dropsTheSnapshotsEverywhere() {
        SnapshotCache a = node(redisUri(TestRedis.PORT));
        SnapshotCache b = node(redisUri(TestRedis.PORT));
        CacheKey blog = CacheKey.of(URI.create("https://example.com/blog/post-1"), Device.DESKTOP);
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>post</html>"));
        a.get(blog, render);
        a.get(KEY, render);
        b.get(blog, render);

        b.invalidatePrefix("https://example.com/blog/");

        TestRedis.await("node a dropped the blog post", DEADLINE, () -> a.peek(blog) == null);
        assertThat(redis.commands().exists(redis.snapKey(blog))).isZero();
        assertThat(a.peek(KEY)).as("outside the prefix").isNotNull();
        assertThat(redis.commands().exists(redis.snapKey(KEY))).isEqualTo(1);
        assertThat(render.calls).hasValue(2);
    }

    @Test
    void staleOnTwoNodes_oneBackgroundRenderRefreshesBoth() throws Exception {
        FakeTicker clock = new FakeTicker();
        QueuedExecutor backgroundA = new QueuedExecutor();
        QueuedExecutor backgroundB = new QueuedExecutor();
        SnapshotCache a = node(config(redisUri(TestRedis.PORT)), clock, backgroundA);
        SnapshotCache b = node(config(redisUri(TestRedis.PORT)), clock, backgroundB);
        AtomicInteger version = new AtomicInteger(1);
        Pages.Counting render = new Pages.Counting(key -> Pages.ok("<html>v" + version.get() + "</html>"));
        a.get(KEY, render);
        b.get(KEY, render);
        clock.advance(TTL.plusMinutes(1));
        // Redis keeps real time: age its copy the same way, into the stale window.
        redis.commands().pexpire(redis.snapKey(KEY), SWR.minusMinutes(1).toMillis());
        version.set(2);

        assertThat(a.get(KEY, render).outcome()).isEqualTo(Outcome.STALE);
        assertThat(b.get(KEY, render).outcome()).isEqualTo(Outcome.STALE);
        backgroundA.runAll();
        backgroundB.runAll(); // finds a's fresh copy in Redis instead of rendering again
        TestRedis.await("node b has v2", DEADLINE,
                () -> b.peek(KEY) == null || b.peek(KEY).html().equals("<html>v2</html>"));
        CacheLookup onB = b.get(KEY, render);

        assertThat(onB.outcome()).isEqualTo(Outcome.HIT);
        assertThat(onB.snapshot().html()).isEqualTo("<html>v2</html>");
        assertThat(render.calls).as("one initial render, one re-render for both nodes").hasValue(2);
    }

    @Test
    void redisCutMidTest_requestsStillServed_andL2ResumesWhenItIsBack() throws Exception {
        TcpProxy proxy = proxy();
        SnapshotCache node = node(redisUri(proxy.port()));
        TestRedis.await("L2 up", DEADLINE, node::l2Available);
        Pages.Counting render = new Pages.Counting(key -> Pages.ok("<html>" + key.url() + "</html>"));
        CacheKey before = key("before");
        node.get(before, render);
        assertThat(redis.commands().exists(redis.snapKey(before))).isEqualTo(1);

        proxy.cut();
        TestRedis.await("L2 seen down", DEADLINE, () -> !node.l2Available());

        long started = System.nanoTime();
        CacheLookup cached = node.get(before, render);
        CacheKey during = key("during");
        CacheLookup rendered = node.get(during, render);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(cached.outcome()).isEqualTo(Outcome.HIT);
        assertThat(rendered.outcome()).isEqualTo(Outcome.MISS);
        assertThat(node.get(during, render).outcome()).as("cached in L1 while Redis is down").isEqualTo(Outcome.HIT);
        assertThat(node.stats().l2Available()).isFalse();

        proxy.restore();
        TestRedis.await("L2 back up", DEADLINE, node::l2Available);

        CacheKey after = key("after");
        assertThat(node.get(after, render).outcome()).isEqualTo(Outcome.MISS);
        assertThat(redis.commands().exists(redis.snapKey(after))).as("stores reach Redis again").isEqualTo(1);
        assertThat(redis.commands().exists(redis.snapKey(during))).as("written while down: lost, not queued").isZero();
        assertThat(render.calls).hasValue(3);
    }

    @Test
    void redisHung_lookupsBoundedByTheRedisTimeout_andL2ResumesWhenItAnswers() throws Exception {
        TcpProxy proxy = proxy();
        SnapshotCache node = node(config(redisUri(proxy.port())).withRedisTimeout(Duration.ofMillis(200)));
        TestRedis.await("L2 up", DEADLINE, node::l2Available);
        Pages.Counting render = new Pages.Counting(key -> Pages.ok("<html>" + key.url() + "</html>"));

        proxy.stall();
        long started = System.nanoTime();
        CacheLookup lookup = node.get(key("while-hung"), render);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(lookup.outcome()).isEqualTo(Outcome.MISS);
        assertThat(took).as("one timed-out command, then Redis is skipped").isLessThan(Duration.ofMillis(1500));
        TestRedis.await("L2 seen down", DEADLINE, () -> !node.l2Available());
        assertThat(node.stats().l2Errors()).isPositive();

        proxy.resume();
        TestRedis.await("L2 back up", DEADLINE, node::l2Available);
        CacheKey after = key("after-hang");
        node.get(after, render);
        assertThat(redis.commands().exists(redis.snapKey(after))).isEqualTo(1);
    }

    @Test
    void redisUnreachableAtStart_cacheWorksFromL1AndConnectsWhenRedisAppears() throws Exception {
        TcpProxy proxy = proxy();
        proxy.cut();
        SnapshotCache node = node(redisUri(proxy.port()));
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>l1 only</html>"));

        assertThat(node.l2Enabled()).isTrue();
        assertThat(node.l2Available()).isFalse();
        assertThat(node.get(KEY, render).outcome()).isEqualTo(Outcome.MISS);
        assertThat(node.get(KEY, render).outcome()).isEqualTo(Outcome.HIT);

        proxy.restore();
        TestRedis.await("L2 up", DEADLINE, node::l2Available);
        CacheKey later = key("later");
        node.get(later, render);
        assertThat(redis.commands().exists(redis.snapKey(later))).isEqualTo(1);
    }

    private TcpProxy proxy() throws Exception {
        TcpProxy proxy = TcpProxy.to(TestRedis.PORT);
        proxies.add(proxy);
        return proxy;
    }

    private SnapshotCache node(URI redisUri) {
        return node(config(redisUri));
    }

    private SnapshotCache node(CacheConfig config) {
        return node(config, Ticker.systemTicker(), Executors.newSingleThreadExecutor());
    }

    private SnapshotCache node(CacheConfig config, Ticker ticker, java.util.concurrent.Executor background) {
        SnapshotCache node = SnapshotCache.create(config, ticker, background);
        nodes.add(node);
        return node;
    }

    private CacheConfig config(URI redisUri) {
        return CacheConfig.defaults().withTtl(TTL).withStaleWhileRevalidate(SWR).withRedisUri(redisUri)
                .withRedisTimeout(Duration.ofMillis(500)).withRedisKeyPrefix(redis.prefix);
    }

    private static URI redisUri(int port) {
        return URI.create("redis://" + TestRedis.HOST + ":" + port);
    }

    private static CacheKey key(String path) {
        return CacheKey.of(URI.create("https://example.com/" + path), Device.DESKTOP);
    }

    private static PeerInvalidations noPeers() {
        return new PeerInvalidations() {
            @Override
            public void key(CacheKey key) {
            }

            @Override
            public void prefix(String urlPrefix) {
            }

            @Override
            public void all() {
            }
        };
    }
}
