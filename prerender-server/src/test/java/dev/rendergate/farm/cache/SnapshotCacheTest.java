package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.cache.CacheLookup.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration SWR = Duration.ofHours(1);
    private static final CacheKey KEY = key("https://example.com/doctors/17-jane-doe");

    private final FakeTicker ticker = new FakeTicker();
    private final QueuedExecutor background = new QueuedExecutor();
    private final List<SnapshotCache> caches = new ArrayList<>();

    @AfterEach
    void close() {
        caches.forEach(SnapshotCache::close);
    }

    @Test
    void get_missThenHit_rendersOnce() {
        SnapshotCache cache = cache(config());
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>v1</html>"));

        CacheLookup first = cache.get(KEY, render);
        CacheLookup second = cache.get(KEY, render);

        assertThat(first.outcome()).isEqualTo(Outcome.MISS);
        assertThat(second.outcome()).isEqualTo(Outcome.HIT);
        assertThat(second.snapshot().html()).isEqualTo("<html>v1</html>");
        assertThat(render.calls).hasValue(1);
        assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses, CacheStats::renders)
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void peekFresh_answersOnlyFreshL1SnapshotsAndNeverRenders() {
        SnapshotCache cache = cache(config());
        assertThat(cache.peekFresh(KEY)).as("nothing cached yet").isEmpty();
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));

        assertThat(cache.peekFresh(KEY)).hasValueSatisfying(lookup -> {
            assertThat(lookup.outcome()).isEqualTo(Outcome.HIT);
            assertThat(lookup.snapshot().html()).isEqualTo("<html>v1</html>");
        });
        ticker.advance(TTL);
        assertThat(cache.peekFresh(KEY)).as("stale is left to get(), which revalidates").isEmpty();
        assertThat(background.pending()).isZero();
        assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::stale, CacheStats::renders)
                .containsExactly(1L, 0L, 1L);
    }

    @Test
    void get_trackingVariantOfACachedUrl_isAHit() {
        SnapshotCache cache = cache(config());
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));

        CacheKey variant = CacheKey.of(URI.create("https://EXAMPLE.com:443/doctors/17-jane-doe?utm_source=x#top"),
                Device.DESKTOP, cache.keyRules());

        assertThat(cache.get(variant, key -> {
            throw new AssertionError("must not render");
        }).outcome()).isEqualTo(Outcome.HIT);
    }

    @Test
    void get_withinTtl_isFreshAndAtTtlTurnsStale() {
        SnapshotCache cache = cache(config());
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>v1</html>"));
        cache.get(KEY, render);

        ticker.advance(TTL.minusSeconds(1));
        assertThat(cache.get(KEY, render).outcome()).isEqualTo(Outcome.HIT);

        ticker.advance(Duration.ofSeconds(1));
        assertThat(cache.get(KEY, render).outcome()).isEqualTo(Outcome.STALE);
    }

    @Test
    void get_stale_servesOldSnapshotAtOnceAndRerendersExactlyOnceInTheBackground() {
        SnapshotCache cache = cache(config());
        AtomicInteger version = new AtomicInteger(1);
        Pages.Counting render = new Pages.Counting(key -> Pages.ok("<html>v" + version.get() + "</html>"));
        cache.get(KEY, render);
        ticker.advance(TTL.plusMinutes(5));
        version.set(2);

        List<CacheLookup> lookups = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lookups.add(cache.get(KEY, render));
        }

        assertThat(lookups).allSatisfy(lookup -> {
            assertThat(lookup.outcome()).isEqualTo(Outcome.STALE);
            assertThat(lookup.snapshot().html()).isEqualTo("<html>v1</html>");
        });
        assertThat(render.calls).as("nothing rendered on the request path").hasValue(1);
        assertThat(background.pending()).as("one background re-render scheduled").isEqualTo(1);

        background.runAll();

        assertThat(render.calls).hasValue(2);
        CacheLookup after = cache.get(KEY, render);
        assertThat(after.outcome()).isEqualTo(Outcome.HIT);
        assertThat(after.snapshot().html()).isEqualTo("<html>v2</html>");
        assertThat(cache.stats().stale()).isEqualTo(50);
    }

    @Test
    void get_staleAndBackgroundRenderFails_keepsServingStaleAndRetriesOnNextLookup() {
        SnapshotCache cache = cache(config());
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));
        ticker.advance(TTL.plusMinutes(1));
        Pages.Counting failing = new Pages.Counting(key -> {
            throw new IllegalStateException("origin down");
        });

        assertThat(cache.get(KEY, failing).outcome()).isEqualTo(Outcome.STALE);
        background.runAll();
        CacheLookup again = cache.get(KEY, failing);

        assertThat(again.outcome()).isEqualTo(Outcome.STALE);
        assertThat(again.snapshot().html()).isEqualTo("<html>v1</html>");
        assertThat(background.runAll()).as("a new attempt after the failed one").isEqualTo(1);
        assertThat(failing.calls).hasValue(2);
    }

    @Test
    void get_staleAndPageNowAnswers404_dropsTheOld200() {
        SnapshotCache cache = cache(config());
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));
        ticker.advance(TTL.plusMinutes(1));
        Pages.Counting gone = Pages.Counting.of(Pages.page(404, "<html>not found</html>"));

        assertThat(cache.get(KEY, gone).outcome()).isEqualTo(Outcome.STALE);
        background.runAll();

        assertThat(cache.peek(KEY)).isNull();
        CacheLookup next = cache.get(KEY, gone);
        assertThat(next.outcome()).isEqualTo(Outcome.MISS);
        assertThat(next.snapshot().status()).isEqualTo(404);
    }

    @Test
    void get_staleAndRerenderAnswers503_keepsServingTheStale200() {
        SnapshotCache cache = cache(config());
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));
        ticker.advance(TTL.plusMinutes(1));
        Pages.Counting overloaded = Pages.Counting.of(Pages.page(503, "<html>busy</html>"));

        cache.get(KEY, overloaded);
        background.runAll();

        CacheLookup next = cache.get(KEY, overloaded);
        assertThat(next.outcome()).isEqualTo(Outcome.STALE);
        assertThat(next.snapshot().html()).isEqualTo("<html>v1</html>");
    }

    @Test
    void get_pastTtlAndStaleWindow_expiresAndRendersAgain() {
        SnapshotCache cache = cache(config());
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>v1</html>"));
        cache.get(KEY, render);

        ticker.advance(TTL.plus(SWR));

        assertThat(cache.get(KEY, render).outcome()).isEqualTo(Outcome.MISS);
        assertThat(render.calls).hasValue(2);
        assertThat(background.pending()).isZero();
    }

    @Test
    void get_withoutStaleWindow_expiresAtTtl() {
        SnapshotCache cache = cache(config().withStaleWhileRevalidate(Duration.ZERO));
        Pages.Counting render = Pages.Counting.of(Pages.ok("<html>v1</html>"));
        cache.get(KEY, render);

        ticker.advance(TTL);

        assertThat(cache.get(KEY, render).outcome()).isEqualTo(Outcome.MISS);
    }

    @Test
    void get_200ConcurrentLookupsOfOneUncachedKey_renderOnce() throws Exception {
        SnapshotCache cache = cache(config());
        int callers = 200;
        CountDownLatch allStarted = new CountDownLatch(callers);
        Pages.Counting render = new Pages.Counting(key -> {
            awaitQuietly(allStarted);
            return Pages.ok("<html>once</html>");
        });
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<CacheLookup>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    allStarted.countDown();
                    return cache.get(KEY, render);
                }));
            }
            for (Future<CacheLookup> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).snapshot().html()).isEqualTo("<html>once</html>");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(render.calls).hasValue(1);
    }

    @Test
    void get_renderThrows_propagatesToEveryWaiterAndCachesNothing() throws Exception {
        SnapshotCache cache = cache(config());
        CountDownLatch joined = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Pages.Counting failing = new Pages.Counting(key -> {
            joined.countDown();
            awaitQuietly(release);
            throw new IllegalStateException("render timed out after 10000 ms");
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CacheLookup> leader = pool.submit(() -> cache.get(KEY, failing));
            joined.await(10, TimeUnit.SECONDS);
            Future<CacheLookup> follower = pool.submit(() -> cache.get(KEY, failing));
            release.countDown();

            for (Future<CacheLookup> caller : List.of(leader, follower)) {
                assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("timed out");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cache.peek(KEY)).isNull();
        Pages.Counting working = Pages.Counting.of(Pages.ok("<html>ok</html>"));
        assertThat(cache.get(KEY, working).outcome()).isEqualTo(Outcome.MISS);
        assertThat(working.calls).hasValue(1);
    }

    @Test
    void get_serverErrorOrUnconfiguredNotFound_isServedButNotCached() {
        SnapshotCache cache = cache(config());
        for (int status : new int[] {500, 503, 504, 404, 301, 302}) {
            CacheKey key = key("https://example.com/status/" + status);
            Pages.Counting render = Pages.Counting.of(Pages.page(status, "<html>" + status + "</html>"));

            assertThat(cache.get(key, render).snapshot().status()).isEqualTo(status);
            assertThat(cache.get(key, render).outcome()).isEqualTo(Outcome.MISS);
            assertThat(render.calls).as("status %d rendered every time", status).hasValue(2);
        }
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void get_redirectAndNotFoundWithTheirOwnTtls_expireAtThoseTtlsWithoutStaleWindow() {
        SnapshotCache cache = cache(config().withRedirectTtl(Duration.ofMinutes(10)).withNotFoundTtl(Duration.ofMinutes(2)));
        CacheKey moved = key("https://example.com/doctor/17");
        CacheKey missing = key("https://example.com/doctors/0-nobody");
        Pages.Counting redirect = Pages.Counting.of(Pages.page(301, ""));
        Pages.Counting notFound = Pages.Counting.of(Pages.page(404, "<html>not found</html>"));
        cache.get(moved, redirect);
        cache.get(missing, notFound);

        ticker.advance(Duration.ofMinutes(1));
        assertThat(cache.get(moved, redirect).outcome()).isEqualTo(Outcome.HIT);
        assertThat(cache.get(missing, notFound).outcome()).isEqualTo(Outcome.HIT);

        ticker.advance(Duration.ofMinutes(1));
        assertThat(cache.get(missing, notFound).outcome()).isEqualTo(Outcome.MISS);

        ticker.advance(Duration.ofMinutes(8));
        assertThat(cache.get(moved, redirect).outcome()).isEqualTo(Outcome.MISS);
        assertThat(redirect.calls).hasValue(2);
        assertThat(notFound.calls).hasValue(2);
    }

    @Test
    void put_beyondTheByteBound_evictsAndStaysWithinIt() {
        Snapshot page = Pages.ok(Pages.html(30_000, "Jane Doe"));
        long bound = page.weight() * 10;
        SnapshotCache cache = cache(config().withMaxBytes(bound));

        for (int i = 0; i < 25; i++) {
            assertThat(cache.put(key("https://example.com/doctors/" + i), page)).isTrue();
        }

        CacheStats stats = cache.stats();
        assertThat(stats.bytes()).isLessThanOrEqualTo(bound);
        assertThat(stats.entries()).isBetween(1L, 10L);
        assertThat(stats.evictions()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void put_manySmallPagesUnderLongUrls_evictByTheKeysBytesToo() {
        Snapshot small = Pages.ok("<html>tiny</html>");
        long bound = small.weight() * 100;
        SnapshotCache cache = cache(config().withMaxBytes(bound));
        String longPath = "/search/" + "a".repeat(8_000) + "/";

        for (int i = 0; i < 50; i++) {
            assertThat(cache.put(key("https://example.com" + longPath + i), small)).isTrue();
        }

        CacheStats stats = cache.stats();
        long perEntry = key("https://example.com" + longPath + 0).weight() + small.weight();
        assertThat(perEntry).isGreaterThan(8_000);
        assertThat(stats.bytes()).isLessThanOrEqualTo(bound);
        assertThat(stats.entries()).isLessThanOrEqualTo(bound / perEntry);
        assertThat(stats.evictions()).isGreaterThanOrEqualTo(50 - bound / perEntry);
    }

    @Test
    void put_uncacheableStatus_isRefused() {
        SnapshotCache cache = cache(config());

        assertThat(cache.put(KEY, Pages.page(500, "<html>boom</html>"))).isFalse();
        assertThat(cache.peek(KEY)).isNull();
    }

    @Test
    void put_replacesTheSnapshotAndResetsItsTtl() {
        SnapshotCache cache = cache(config());
        cache.get(KEY, Pages.Counting.of(Pages.ok("<html>v1</html>")));
        ticker.advance(TTL.plusMinutes(1));

        cache.put(KEY, Pages.ok("<html>v2</html>"));

        CacheLookup lookup = cache.get(KEY, key -> {
            throw new AssertionError("must not render");
        });
        assertThat(lookup.outcome()).isEqualTo(Outcome.HIT);
        assertThat(lookup.snapshot().html()).isEqualTo("<html>v2</html>");
    }

    @Test
    void refresh_rendersEvenWhenFresh() {
        SnapshotCache cache = cache(config());
        AtomicInteger version = new AtomicInteger(1);
        Pages.Counting render = new Pages.Counting(key -> Pages.ok("<html>v" + version.get() + "</html>"));
        cache.get(KEY, render);
        version.set(2);

        CacheLookup refreshed = cache.refresh(KEY, render);

        assertThat(refreshed.outcome()).isEqualTo(Outcome.MISS);
        assertThat(cache.get(KEY, render).snapshot().html()).isEqualTo("<html>v2</html>");
        assertThat(render.calls).hasValue(2);
    }

    @Test
    void invalidate_prefixAndAll_dropOnlyWhatTheyName() {
        SnapshotCache cache = cache(config());
        CacheKey blogMobile = new CacheKey("https://example.com/blog/a", Device.MOBILE);
        CacheKey blogDesktop = new CacheKey("https://example.com/blog/b", Device.DESKTOP);
        CacheKey doctor = key("https://example.com/doctors/17-jane-doe");
        CacheKey other = key("https://other.example/blog/a");
        for (CacheKey key : List.of(blogMobile, blogDesktop, doctor, other)) {
            cache.put(key, Pages.ok("<html>" + key.url() + "</html>"));
        }

        assertThat(cache.invalidatePrefix("HTTPS://Example.COM:443/blog/")).isEqualTo(2);
        assertThat(cache.peek(blogMobile)).isNull();
        assertThat(cache.peek(blogDesktop)).isNull();
        assertThat(cache.peek(doctor)).isNotNull();
        assertThat(cache.peek(other)).isNotNull();

        cache.invalidate(doctor);
        assertThat(cache.peek(doctor)).isNull();

        cache.invalidateAll();
        assertThat(cache.peek(other)).isNull();
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void stats_withoutRedis_reportL2DisabledAndUnavailable() {
        SnapshotCache cache = cache(config());

        assertThat(cache.l2Enabled()).isFalse();
        assertThat(cache.l2Available()).isFalse();
        assertThat(cache.stats().l2Enabled()).isFalse();
    }

    @Test
    void config_rejectsNonsenseNamingTheField() {
        assertThatThrownBy(() -> config().withMaxBytes(0)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> config().withTtl(Duration.ZERO)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> config().withRedisUri(URI.create("http://127.0.0.1:6379")))
                .hasMessageContaining("redisUri");
    }

    private CacheConfig config() {
        return CacheConfig.defaults().withTtl(TTL).withStaleWhileRevalidate(SWR);
    }

    private SnapshotCache cache(CacheConfig config) {
        SnapshotCache cache = SnapshotCache.create(config, ticker, background);
        caches.add(cache);
        return cache;
    }

    private static CacheKey key(String url) {
        return CacheKey.of(URI.create(url), Device.DESKTOP);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
