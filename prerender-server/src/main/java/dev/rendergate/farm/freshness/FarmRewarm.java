package dev.rendergate.farm.freshness;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.prerender.Prerenderer;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.CacheConfig;
import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.UrlGuard;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the scheduled re-warm of a farm node: at each cron occurrence one node (claimed in Redis when the
 * farm has one, else this node alone) reads the sitemap and recaches every page for every device, a few
 * at a time, in process.
 */
public final class FarmRewarm {
    private static final Logger LOG = LoggerFactory.getLogger(FarmRewarm.class);

    private FarmRewarm() {
    }

    /**
     * Starts the schedule.
     *
     * @param sitemap     sitemap URL or file of the pages to re-warm
     * @param cron        when, in {@code clock}'s zone
     * @param concurrency renders at a time (keep it below the farm's pool size, crawlers come first)
     * @throws IllegalArgumentException if the farm does not cache, or {@code cron} is malformed
     */
    public static RewarmScheduler schedule(Prerenderer farm, FarmConfig config, String sitemap, String cron, Clock clock,
                                           int concurrency) {
        if (farm.cache() == null) {
            throw new IllegalArgumentException("a scheduled re-warm needs the farm's cache on");
        }
        CronExpression expression = CronExpression.parse(cron);
        RunLock lock = config.redisUri() == null ? RunLock.LOCAL
                : RedisRunLock.create(URI.create(config.redisUri()), CacheConfig.DEFAULT_KEY_PREFIX + "rewarm:",
                        Duration.ofSeconds(2));
        FarmFreshness freshness = new FarmFreshness(farm, config.cacheTtl(), Clock.systemUTC());
        Warmer warmer = new Warmer(new LocalWarmTarget(farm, freshness), concurrency);
        // The configured sitemap is the operator's; the sitemaps it lists must also resolve to public addresses.
        AddressGuard addresses = AddressGuard.system(config.privateAddressExceptions());
        SitemapReader.NestedCheck nested = uri -> addresses.refusal(uri.getHost(), UrlGuard.effectivePort(uri));
        Runnable job = () -> {
            SitemapReader reader = new SitemapReader(HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10)).build(), SitemapReader.Limits.defaults(), nested);
            List<URI> pages = reader.read(sitemap);
            WarmReport report = warmer.warm(pages, List.of(Device.values()), true, progress -> { });
            LOG.info("event=rewarm sitemap={} pages={} rendered={} failed={} ms={}", sitemap, pages.size(),
                    report.rendered(), report.failed().size(), report.elapsed().toMillis());
        };
        return RewarmScheduler.start("sitemap", expression, clock, lock, job);
    }
}
