package dev.rendergate.gateway.crawler;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.edge.verify.CrawlerCheck;
import dev.rendergate.edge.verify.CrawlerVerification;
import dev.rendergate.edge.verify.PublishedRanges;
import dev.rendergate.edge.verify.UnverifiedCrawlers;
import dev.rendergate.edge.verify.VerificationMode;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's crawler verification: the configured mode over the published ranges and
 * forward-confirmed reverse DNS; an unverified crawler is logged ({@code event=crawler-unverified}) and
 * counted ({@code rendergate_gateway_crawler_unverified_requests_total}). DNS lookups run on a few daemon
 * threads with a bounded queue, never on an event loop: {@link #pendingLookup} starts one, and the
 * request is decided once it is done.
 */
public final class GatewayCrawlerVerification implements AutoCloseable {

    /** How long one forward-confirmed reverse DNS check may take. */
    static final Duration TIME_BOUND = Duration.ofSeconds(2);
    /** Outcomes kept, and for how long: crawlers come back from the same addresses. */
    static final int MAX_ENTRIES = 10_000;
    static final Duration TTL = Duration.ofHours(1);
    private static final int THREADS = 4;
    private static final int QUEUE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCrawlerVerification.class);

    private final CrawlerVerification verification;
    private final CrawlerCheck ranges;
    private final ReverseDnsCheck reverseDns;
    private final ThreadPoolExecutor lookups;

    private GatewayCrawlerVerification(VerificationMode mode, HostResolver resolver, GatewayMetrics metrics) {
        AtomicInteger threads = new AtomicInteger();
        this.lookups = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "crawler-dns-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        lookups.allowCoreThreadTimeOut(true);
        this.ranges = PublishedRanges.bundled();
        this.reverseDns = new ReverseDnsCheck(resolver, lookups, TIME_BOUND, MAX_ENTRIES, TTL, Ticker.systemTicker());
        UnverifiedCrawlers report = (crawler, clientIp, m) -> {
            LOG.info(UnverifiedCrawlers.logLine(crawler, clientIp, m));
            metrics.unverifiedCrawler(crawler, m.label());
        };
        this.verification = CrawlerVerification.of(mode, new GatewayCrawlerCheck(ranges, reverseDns), report);
    }

    /**
     * @param mode     the mode
     * @param resolver answers the DNS questions ({@link HostResolver#system()} outside tests)
     * @param metrics  counts unverified crawlers
     * @return the verification
     */
    public static GatewayCrawlerVerification create(VerificationMode mode, HostResolver resolver, GatewayMetrics metrics) {
        return new GatewayCrawlerVerification(mode, resolver, metrics);
    }

    /** @return the verification the viewer-request logic applies */
    public CrawlerVerification verification() {
        return verification;
    }

    /**
     * Starts the DNS lookup a request claiming {@code crawler} from {@code clientIp} will need, so that the
     * caller can decide it once the lookup is done instead of blocking.
     *
     * @return the lookup, or null when the decision needs none (off mode, a crawler without domains, an
     *         address inside the published ranges)
     */
    public CompletableFuture<?> pendingLookup(String crawler, String clientIp) {
        if (verification.mode() == VerificationMode.OFF || !ReverseDnsCheck.covers(crawler)
                || ranges.check(crawler, clientIp) == CrawlerCheck.Outcome.VERIFIED) {
            return null;
        }
        return reverseDns.lookup(crawler, clientIp);
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
