package dev.rendergate.gateway.crawler;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.verify.CrawlerCheck;
import dev.rendergate.edge.verify.IpAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forward-confirmed reverse DNS, as the crawlers' operators document it: the address's PTR name must end
 * in one of the operator's domains, and that name's forward lookup must contain the address again (a PTR
 * record alone is whatever the address's owner writes).
 *
 * <p>Lookups run on the given executor, bounded in time; outcomes are cached by crawler operator and
 * address in a bounded cache with a time to live, and concurrent checks of one address share one lookup.
 * A lookup that times out, fails or finds no room in the executor is {@code UNVERIFIED} and not cached.
 */
public final class ReverseDnsCheck implements CrawlerCheck {

    // Not googleusercontent.com: Google Cloud customers' addresses have PTR names there too.
    private static final List<String> GOOGLE = List.of("googlebot.com", "google.com");
    private static final List<String> BING = List.of("search.msn.com");

    /** Crawler name to the domains its operator's PTR names end in. */
    static final Map<String, List<String>> DOMAINS = Map.ofEntries(
            Map.entry("googlebot", GOOGLE),
            Map.entry("googlebot-image", GOOGLE),
            Map.entry("googlebot-video", GOOGLE),
            Map.entry("googlebot-news", GOOGLE),
            Map.entry("google-inspectiontool", GOOGLE),
            Map.entry("googleother", GOOGLE),
            Map.entry("storebot-google", GOOGLE),
            Map.entry("adsbot-google", GOOGLE),
            Map.entry("adsbot-google-mobile", GOOGLE),
            Map.entry("mediapartners-google", GOOGLE),
            Map.entry("bingbot", BING),
            Map.entry("msnbot", BING),
            Map.entry("bingpreview", BING),
            Map.entry("adidxbot", BING),
            Map.entry("applebot", List.of("applebot.apple.com")),
            Map.entry("applebot-extended", List.of("applebot.apple.com")),
            Map.entry("yandexbot", List.of("yandex.ru", "yandex.net", "yandex.com")),
            Map.entry("baiduspider", List.of("baidu.com", "baidu.jp")),
            Map.entry("yahoo-slurp", List.of("crawl.yahoo.net")),
            Map.entry("seznambot", List.of("seznam.cz")),
            Map.entry("petalbot", List.of("petalsearch.com")),
            Map.entry("sogou", List.of("sogou.com")));

    private final HostResolver resolver;
    private final Executor lookups;
    private final Duration timeBound;
    private final AsyncCache<String, Outcome> outcomes;

    /**
     * @param resolver   answers the DNS questions
     * @param lookups    runs the (blocking) lookups; give it a bounded queue
     * @param timeBound  how long one check may take
     * @param maxEntries how many outcomes the cache holds
     * @param ttl        how long an outcome is kept
     * @param ticker     the cache's clock
     */
    public ReverseDnsCheck(HostResolver resolver, Executor lookups, Duration timeBound, int maxEntries, Duration ttl,
            Ticker ticker) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.timeBound = Objects.requireNonNull(timeBound, "timeBound");
        this.outcomes = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).buildAsync();
    }

    /** @return whether this check knows domains for the crawler */
    public static boolean covers(String crawler) {
        return DOMAINS.containsKey(crawler);
    }

    /** Waits for the lookup, at most the time bound; see {@link #lookup} for a caller that must not block. */
    @Override
    public Outcome check(String crawler, String clientIp) {
        if (!covers(crawler)) {
            return Outcome.NOT_CHECKED;
        }
        try {
            return lookup(crawler, clientIp).get(timeBound.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNVERIFIED;
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.UNVERIFIED;
        }
    }

    /**
     * @param crawler  a crawler name this check {@link #covers}
     * @param clientIp the viewer's address
     * @return the outcome when the lookup is done (at once when cached); completes within the time bound
     */
    public CompletableFuture<Outcome> lookup(String crawler, String clientIp) {
        List<String> domains = DOMAINS.get(crawler);
        if (domains == null) {
            return CompletableFuture.completedFuture(Outcome.NOT_CHECKED);
        }
        IpAddress address = IpAddress.parse(clientIp);
        if (address == null) {
            return CompletableFuture.completedFuture(Outcome.UNVERIFIED);
        }
        String key = domains.get(0) + ' ' + clientIp.trim();
        return outcomes.get(key, (k, executor) -> start(domains, clientIp.trim(), address))
                .thenApply(outcome -> outcome == null ? Outcome.UNVERIFIED : outcome);
    }

    private CompletableFuture<Outcome> start(List<String> domains, String clientIp, IpAddress address) {
        CompletableFuture<Outcome> confirmed;
        try {
            confirmed = CompletableFuture.supplyAsync(() -> confirm(domains, clientIp, address), lookups);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
        // null: a lookup that did not finish is not cached (Caffeine drops null values)
        return confirmed.completeOnTimeout(null, timeBound.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> null);
    }

    private Outcome confirm(List<String> domains, String clientIp, IpAddress address) {
        try {
            for (String name : resolver.namesOf(clientIp)) {
                String host = AsciiCase.lower(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
                if (inDomains(host, domains) && resolvesTo(host, address)) {
                    return Outcome.VERIFIED;
                }
            }
            return Outcome.UNVERIFIED;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean resolvesTo(String host, IpAddress address) throws IOException {
        for (String forward : resolver.addressesOf(host)) {
            if (address.equals(IpAddress.parse(forward))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inDomains(String host, List<String> domains) {
        for (String domain : domains) {
            if (host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }
}
