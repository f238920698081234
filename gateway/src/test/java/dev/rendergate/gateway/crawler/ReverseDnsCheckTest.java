package dev.rendergate.gateway.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.verify.CrawlerCheck.Outcome;
import dev.rendergate.edge.verify.PublishedRanges;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forward-confirmed reverse DNS against a resolver the test controls; no real DNS. */
class ReverseDnsCheckTest {

    private static final String APPLE_IP = "17.58.101.179";
    private static final String APPLE_NAME = "17-58-101-179.applebot.apple.com.";

    private final Map<String, List<String>> ptr = new ConcurrentHashMap<>();
    private final Map<String, List<String>> forward = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch stall = new CountDownLatch(1);
    private volatile boolean stalled;
    private final AtomicLong nanos = new AtomicLong();
    private final ThreadPoolExecutor lookups =
            new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(16));

    private final HostResolver resolver = new HostResolver() {
        @Override
        public List<String> namesOf(String address) throws IOException {
            asked.add("PTR " + address);
            if (stalled) {
                try {
                    stall.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ptr.getOrDefault(address, List.of());
        }

        @Override
        public List<String> addressesOf(String host) {
            asked.add("A/AAAA " + host);
            return forward.getOrDefault(host, List.of());
        }
    };

    private final ReverseDnsCheck check =
            new ReverseDnsCheck(resolver, lookups, Duration.ofMillis(300), 1000, Duration.ofHours(1), nanos::get);

    @AfterEach
    void stop() {
        stall.countDown();
        lookups.shutdownNow();
    }

    @Test
    void check_ptrInTheOperatorsDomainAndForwardMatch_isVerified() {
        ptr.put(APPLE_IP, List.of(APPLE_NAME));
        forward.put("17-58-101-179.applebot.apple.com", List.of("17.58.101.179"));

        assertThat(check.check("applebot", APPLE_IP)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void check_ptrInTheDomainButForwardElsewhere_isUnverified() {
        // Anyone may write a PTR record for their own address; only the forward lookup is the operator's.
        ptr.put("198.51.100.7", List.of("fake.applebot.apple.com"));
        forward.put("fake.applebot.apple.com", List.of("17.58.101.179"));

        assertThat(check.check("applebot", "198.51.100.7")).isEqualTo(Outcome.UNVERIFIED);
    }

    @Test
    void check_ptrWithTheWrongSuffix_isUnverifiedWithoutAForwardLookup() {
        for (String name : List.of("applebot.apple.com.attacker.example", "evilapplebot.apple.com", "applebot.apple.com")) {
            ptr.put("198.51.100.8", List.of(name));
            forward.put(name, List.of("198.51.100.8"));

            assertThat(new ReverseDnsCheck(resolver, lookups, Duration.ofMillis(300), 10, Duration.ofHours(1),
                    nanos::get).check("applebot", "198.51.100.8")).as(name).isEqualTo(Outcome.UNVERIFIED);
        }
        assertThat(asked).noneMatch(question -> question.startsWith("A/AAAA"));
    }

    @Test
    void check_resolverThatDoesNotAnswer_isUnverifiedWithinTheBoundAndNotCached() {
        ptr.put(APPLE_IP, List.of(APPLE_NAME));
        forward.put("17-58-101-179.applebot.apple.com", List.of(APPLE_IP));
        stalled = true;

        assertThat(check.check("applebot", APPLE_IP)).isEqualTo(Outcome.UNVERIFIED);

        stalled = false;
        stall.countDown();
        assertThat(check.check("applebot", APPLE_IP)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void check_sameAddressAgain_isAnsweredFromTheCacheUntilItsTimeToLive() {
        ptr.put(APPLE_IP, List.of(APPLE_NAME));
        forward.put("17-58-101-179.applebot.apple.com", List.of(APPLE_IP));

        assertThat(check.check("applebot", APPLE_IP)).isEqualTo(Outcome.VERIFIED);
        assertThat(check.check("applebot-extended", APPLE_IP)).isEqualTo(Outcome.VERIFIED);
        assertThat(asked).hasSize(2);

        nanos.addAndGet(Duration.ofHours(2).toNanos());
        assertThat(check.check("applebot", APPLE_IP)).isEqualTo(Outcome.VERIFIED);
        assertThat(asked).hasSize(4);
    }

    @Test
    void check_ipv6AddressWrittenDifferently_stillMatchesItsForwardLookup() {
        ptr.put("2a01:4f8:0:a::1", List.of("spider-1.yandex.com"));
        forward.put("spider-1.yandex.com", List.of("2a01:04f8:0000:000a:0000:0000:0000:0001"));

        assertThat(check.check("yandexbot", "2a01:4f8:0:a::1")).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void check_crawlerWithoutDomainsOrBadAddress() {
        assertThat(check.check("facebookexternalhit", APPLE_IP)).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(check.check("applebot", "not-an-address")).isEqualTo(Outcome.UNVERIFIED);
        assertThat(asked).isEmpty();
    }

    @Test
    void gatewayCheck_googlebotInsideThePublishedRanges_needsNoDns_outsideFallsBackToReverseDns() {
        GatewayCrawlerCheck gateway = new GatewayCrawlerCheck(PublishedRanges.bundled(), check);
        ptr.put("198.51.100.9", List.of("crawl-198-51-100-9.googlebot.com"));
        forward.put("crawl-198-51-100-9.googlebot.com", List.of("198.51.100.9"));

        assertThat(gateway.check("googlebot", "66.249.66.1")).isEqualTo(Outcome.VERIFIED);
        assertThat(asked).isEmpty();
        assertThat(gateway.check("googlebot", "198.51.100.9")).isEqualTo(Outcome.VERIFIED);
        assertThat(gateway.check("googlebot", "203.0.113.9")).isEqualTo(Outcome.UNVERIFIED);
        assertThat(gateway.check("facebookexternalhit", "203.0.113.9")).isEqualTo(Outcome.NOT_CHECKED);
    }
}
