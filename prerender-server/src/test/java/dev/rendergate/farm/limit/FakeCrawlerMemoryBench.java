package dev.rendergate.farm.limit;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.LiveHeap;
import dev.rendergate.farm.cache.CacheConfig;
import dev.rendergate.farm.cache.CacheKey;
import dev.rendergate.farm.cache.Snapshot;
import dev.rendergate.farm.cache.SnapshotCache;
import java.lang.ref.Reference;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What a fake crawler's traffic costs in memory, measured as live heap after full GCs: (1) per client address
 * the miss rate limit tracks, (2) per cached entry when small pages sit under long URLs, next to the cache's
 * weight estimate with and without the key's bytes.
 *
 * <p>Arguments: {@code [addresses=100000] [entries=5000] [urlChars=4000]}.
 */
public final class FakeCrawlerMemoryBench {

    private FakeCrawlerMemoryBench() {
    }

    public static void main(String[] args) {
        int addresses = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int urlChars = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        addresses(addresses);
        longKeys(entries, urlChars);
    }

    private static void addresses(int count) {
        long before = LiveHeap.bytes();
        MissRateLimit limit = MissRateLimit.of(120, 120, count, Ticker.systemTicker());
        for (int i = 0; i < count; i++) {
            limit.admit("198." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        long after = LiveHeap.bytes();
        System.out.printf(Locale.ROOT, "miss limit: addresses=%d heap=%.1f MB perAddress=%d bytes%n",
                limit.trackedAddresses(), (after - before) / 1048576.0, (after - before) / limit.trackedAddresses());
        Reference.reachabilityFence(limit);
    }

    private static void longKeys(int count, int urlChars) {
        Snapshot page = new Snapshot(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<html><head><title>Search</title></head><body><p>No results</p></body></html>", "htmlunit", 120,
                Instant.now());
        long before = LiveHeap.bytes();
        SnapshotCache cache = SnapshotCache.create(CacheConfig.defaults().withMaxBytes(8L << 30),
                Ticker.systemTicker(), Runnable::run);
        String filler = "a".repeat(urlChars);
        long keyWeights = 0;
        for (int i = 0; i < count; i++) {
            // A distinct Snapshot per entry, as renders make them.
            Snapshot own = new Snapshot(page.status(), page.headers(), page.html(), page.engine(), 120, Instant.now());
            CacheKey key = CacheKey.of(URI.create("https://shop.example.com/search/" + filler + "/" + i), Device.DESKTOP);
            keyWeights += key.weight();
            cache.put(key, own);
        }
        long after = LiveHeap.bytes();
        long estimate = cache.stats().bytes();
        System.out.printf(Locale.ROOT, "long keys: entries=%d urlChars=%d heap=%.1f MB perEntry=%d bytes%n",
                cache.stats().entries(), urlChars, (after - before) / 1048576.0, (after - before) / count);
        System.out.printf(Locale.ROOT, "weigher: with key bytes %.1f%% of measured, snapshot alone (before) %.1f%%%n",
                100.0 * estimate / (after - before), 100.0 * (estimate - keyWeights) / (after - before));
        Reference.reachabilityFence(cache);
    }
}
