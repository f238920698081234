package dev.rendergate.farm.crawl;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.Verdict;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts access records as they stream by, in memory bounded whatever the log's size: per crawler (named by the
 * edge's own classifier), per day, per page, status and cache result; people's page views by browser, OS and
 * device. Not thread-safe: one reader feeds it.
 */
public final class CrawlTally {
    /** Distinct paths counted; later new paths are counted together as {@value #OTHER_PATHS}. */
    public static final int MAX_PATHS = 100_000;
    /** Distinct days kept (a longer log keeps its first days separate and counts the rest under the last). */
    public static final int MAX_DAYS = 400;
    /** Render times kept per crawler for percentiles (a uniform sample of them past that). */
    static final int SAMPLES = 4_096;
    static final String OTHER_PATHS = "(other paths)";

    private final CrawlerClassifier classifier = CrawlerClassifier.standard();
    private final PeopleAgents people;
    private final Random random = new Random(42);
    final Map<String, Crawler> crawlers = new TreeMap<>();
    final Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
    final Map<String, Map<String, Long>> pages = new HashMap<>();
    final Map<Integer, Long> statuses = new TreeMap<>();
    final Map<String, Long> cacheResults = new TreeMap<>();
    final Map<String, Long> browsers = new HashMap<>();
    final Map<String, Long> systems = new HashMap<>();
    final Map<String, Long> devices = new HashMap<>();
    final Map<String, Long> deviceClasses = new TreeMap<>();
    long records;
    long crawlerRequests;
    long humanRequests;
    long humanPageViews;

    public CrawlTally(PeopleAgents people) {
        this.people = people;
    }

    /** Counts one request. */
    public void add(AccessRecord r) {
        records++;
        Verdict verdict = classifier.classify(r.userAgent());
        if (verdict.bot()) {
            crawler(r, verdict);
        } else {
            humanRequests++;
            if (r.pageView() && !r.userAgent().isEmpty()) {
                humanPageViews++;
                PeopleAgents.Families f = people.of(r.userAgent());
                browsers.merge(f.browser(), 1L, Long::sum);
                systems.merge(f.os(), 1L, Long::sum);
                devices.merge(f.device(), 1L, Long::sum);
                deviceClasses.merge(verdict.device().label(), 1L, Long::sum);
            }
        }
    }

    private void crawler(AccessRecord r, Verdict verdict) {
        crawlerRequests++;
        Crawler c = crawlers.computeIfAbsent(verdict.name(), n -> new Crawler(n, verdict.botClass().label()));
        c.requests++;
        c.statuses.merge(r.status() / 100 + "xx", 1L, Long::sum);
        if (r.cache() != null) {
            c.cache.merge(r.cache(), 1L, Long::sum);
            cacheResults.merge(r.cache(), 1L, Long::sum);
        }
        if (r.renderMs() >= 0) {
            c.sample(r.renderMs(), random);
        }
        statuses.merge(r.status(), 1L, Long::sum);
        LocalDate day = perDay.size() >= MAX_DAYS && !perDay.containsKey(r.day())
                ? ((TreeMap<LocalDate, Map<String, Long>>) perDay).lastKey() : r.day();
        perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(c.name, 1L, Long::sum);
        String path = pages.size() >= MAX_PATHS && !pages.containsKey(r.path()) ? OTHER_PATHS : r.path();
        pages.computeIfAbsent(path, p -> new HashMap<>(4)).merge(c.name, 1L, Long::sum);
    }

    /** The paths crawlers requested. */
    Set<String> crawledPaths() {
        return pages.keySet();
    }

    /** One crawler's counts. */
    static final class Crawler {
        final String name;
        final String botClass;
        long requests;
        final Map<String, Long> statuses = new TreeMap<>();
        final Map<String, Long> cache = new TreeMap<>();
        final double[] samples = new double[SAMPLES];
        long timed;

        Crawler(String name, String botClass) {
            this.name = name;
            this.botClass = botClass;
        }

        void sample(double ms, Random random) {
            if (timed < SAMPLES) {
                samples[(int) timed] = ms;
            } else {
                long slot = (long) (random.nextDouble() * (timed + 1));
                if (slot < SAMPLES) {
                    samples[(int) slot] = ms;
                }
            }
            timed++;
        }

        /** The {@code q} quantile of the sampled times, or -1 without any. */
        double quantile(double q) {
            int n = (int) Math.min(timed, SAMPLES);
            if (n == 0) {
                return -1;
            }
            double[] sorted = java.util.Arrays.copyOf(samples, n);
            java.util.Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.floor(q * n))];
        }
    }
}
