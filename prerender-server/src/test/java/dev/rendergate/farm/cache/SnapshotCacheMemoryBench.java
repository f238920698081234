package dev.rendergate.farm.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.LiveHeap;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures what L1 costs: heap per cached snapshot of a ~30 KB rendered page (live heap after full
 * GCs, before and after filling the cache), next to the cache's own weight estimate and the
 * compressed size of the same snapshot in Redis; then a rough single-thread hit-path timing.
 *
 * <p>Arguments: {@code [count=10000] [pageBytes=30000] [latin1|utf16]}. {@code utf16} puts one
 * character outside Latin-1 into each page (an em dash), which would make a Java string of the page
 * two bytes per char; snapshots hold UTF-8 bytes, so it should cost (almost) nothing.
 */
public final class SnapshotCacheMemoryBench {

    private SnapshotCacheMemoryBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int pageBytes = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        boolean utf16 = args.length > 2 && args[2].equals("utf16");

        long before = LiveHeap.bytes();
        SnapshotCache cache = SnapshotCache.create(CacheConfig.defaults().withMaxBytes(8L << 30),
                Ticker.systemTicker(), Runnable::run);
        long encodedSample = 0;
        long chars = 0;
        for (int i = 0; i < count; i++) {
            String html = Pages.html(pageBytes, "Doctor " + i);
            if (utf16) {
                html = html.replaceFirst("</title>", " \u2014 MedBook</title>");
            }
            chars += html.length();
            Snapshot snapshot = new Snapshot(200, Map.of("Content-Type", "text/html; charset=utf-8"), html,
                    "htmlunit", 180 + i % 100, Instant.now(), "build-2026-11-28");
            cache.put(key(i), snapshot);
            if (i < 100) {
                encodedSample += SnapshotCodec.encode(snapshot).length;
            }
        }
        long after = LiveHeap.bytes();
        CacheStats stats = cache.stats();

        double perSnapshot = (after - before) / (double) count;
        System.out.printf(Locale.ROOT, "snapshots=%d avgHtmlChars=%d html=%s%n", stats.entries(), chars / count,
                utf16 ? "one char outside Latin-1" : "Latin-1 only");
        System.out.printf(Locale.ROOT, "heap: total=%.1f MB perSnapshot=%.1f KB%n",
                (after - before) / 1048576.0, perSnapshot / 1024);
        System.out.printf(Locale.ROOT, "weigher estimate: total=%.1f MB perSnapshot=%.1f KB (%.1f%% of measured)%n",
                stats.bytes() / 1048576.0, stats.bytes() / (double) count / 1024, 100.0 * stats.bytes() / (after - before));
        System.out.printf(Locale.ROOT, "redis value (deflated): perSnapshot=%.1f KB%n", encodedSample / 100.0 / 1024);
        System.out.printf(Locale.ROOT, "hit path, 1 thread: %.0f ns/lookup%n", hitNanos(cache, count));
        Reference.reachabilityFence(cache);
        cache.close();
    }

    private static CacheKey key(int i) {
        return new CacheKey("https://www.example.com/doctors/" + i + "-dr-jane-doe-cardiology-springfield",
                Device.DESKTOP);
    }

    private static double hitNanos(SnapshotCache cache, int count) {
        CacheKey[] keys = new CacheKey[count];
        for (int i = 0; i < count; i++) {
            keys[i] = key(i);
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) { // first round warms up the JIT
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int lookups = 2_000_000;
            long started = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                sink += cache.get(keys[Boolean.getBoolean("bench.sequential") ? i % count : random.nextInt(count)], key -> {
                    throw new IllegalStateException("every key is cached");
                }).snapshot().status();
            }
            if (round == 1) {
                return (System.nanoTime() - started) / (double) lookups + (sink == 42 ? 1 : 0);
            }
        }
        throw new AssertionError();
    }
}
