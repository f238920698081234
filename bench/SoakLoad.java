import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The soak's load driver and probe (run by bench/soak.sh as a single-file program: JDK only). It sends mixed
 * traffic at a fixed rate to a running `rendergate up`: people fetching the site's files and deep links,
 * crawlers fetching the sitemap's pages plus pages that do not exist. Per row (a minute in the full run) it
 * reports people's and crawlers' latency, unexpected 5xx, the process's threads and Chromium processes and its
 * heap; at the start (after warm-up) and the end it forces a full GC and reads the heap after it.
 *
 * <p>Expected answers: people 200 (or 304/206), crawlers 200 or 404 (a page that does not exist) and 503 with
 * Retry-After (the farm shedding load, documented). Any other 5xx is unexpected; so is a request that fails.
 *
 * <pre>
 * java bench/SoakLoad.java --pid PID --gateway URL --farm URL --site DIR --seconds 600 --row-seconds 60 \
 *     --warmup 30 --rate 10 --crawler-share 0.1 --report FILE [--strict]
 * </pre>
 * The farm's token is read from RENDERGATE_TOKEN. Exit status: 0, or 1 when an unexpected 5xx was seen (or,
 * with --strict, when heap, threads, Chromium processes or people's p99 did not stay flat).
 */
public final class SoakLoad {

    static final String[] CRAWLERS = {
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) "
            + "Chrome/131.0.6778.204 Safari/537.36",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; GPTBot/1.1; +https://openai.com/gptbot",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    };
    static final String[] PEOPLE = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
            + "Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:132.0) Gecko/20100101 Firefox/132.0",
    };
    /** A driver-side bound on requests in flight: past it a tick is counted as skipped instead of piling up. */
    static final int MAX_IN_FLIGHT = 64;

    record Result(boolean crawler, int status, boolean retryAfter, long nanos, String failure) {
    }

    record Sample(long threads, long chromium, double heapUsedMb) {
    }

    record Row(int index, int people, int crawlers, double peopleP50, double peopleP99, double crawlerP99,
               int unexpected5xx, int shed503, int failures, int skipped, Sample sample) {
    }

    final Map<String, String> args;
    final long pid;
    final URI gateway;
    final URI farm;
    final String token;
    final HttpClient client;
    final ConcurrentLinkedQueue<Result> window = new ConcurrentLinkedQueue<>();
    final AtomicLong skipped = new AtomicLong();
    /** Crawler keys (device and path) once answered 200 from the farm; a later MISS on one means it was evicted. */
    final Map<String, Boolean> cachedOnce = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicLong renderedAgain = new AtomicLong();
    final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    final List<String> peoplePaths;
    final List<String> crawlerPaths;
    final Random random = new Random(Long.parseLong(System.getenv().getOrDefault("SOAK_SEED", "1515")));

    SoakLoad(Map<String, String> args) throws IOException {
        this.args = args;
        this.pid = Long.parseLong(args.get("pid"));
        this.gateway = URI.create(args.get("gateway"));
        this.farm = URI.create(args.get("farm"));
        this.token = System.getenv("RENDERGATE_TOKEN");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, daemon())).build();
        Path site = Path.of(args.get("site"));
        this.peoplePaths = peoplePaths(site);
        this.crawlerPaths = crawlerPaths(site);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("--strict")) {
                args.put("strict", "true");
            } else if (argv[i].startsWith("--") && i + 1 < argv.length) {
                args.put(argv[i].substring(2), argv[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + argv[i] + " (see the class comment)");
            }
        }
        System.exit(new SoakLoad(args).run());
    }

    int run() throws Exception {
        int seconds = Integer.parseInt(args.getOrDefault("seconds", "600"));
        int rowSeconds = Integer.parseInt(args.getOrDefault("row-seconds", "60"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "30"));
        double rate = Double.parseDouble(args.getOrDefault("rate", "10"));
        double crawlerShare = Double.parseDouble(args.getOrDefault("crawler-share", "0.1"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon());
        long periodMicros = Math.max(1, Math.round(1_000_000 / rate));
        ticker.scheduleAtFixedRate(() -> fire(random.nextDouble() < crawlerShare), 0, periodMicros, TimeUnit.MICROSECONDS);

        Thread.sleep(warmup * 1000L);
        window.clear();
        skipped.set(0);
        double heapStart = heapAfterFullGc();
        Map<String, long[]> histogramStart = histogram();
        Sample first = sample();
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        int rowCount = Math.max(1, seconds / rowSeconds);
        for (int r = 1; r <= rowCount; r++) {
            sleepUntil(started.plusSeconds((long) r * rowSeconds));
            rows.add(row(r, drain(), sample()));
            System.err.println(format(rows.get(rows.size() - 1)));
        }
        ticker.shutdownNow();
        inFlight.acquire(MAX_IN_FLIGHT); // every request answered or timed out
        inFlight.release(MAX_IN_FLIGHT);
        List<Result> late = drain();
        double heapEnd = heapAfterFullGc();
        String growth = growth(histogramStart, histogram());
        String farmCounts = farmCounts();
        String report = report(rows, late, heapStart, heapEnd, first, farmCounts, seconds, rowSeconds, warmup, rate,
                crawlerShare) + growth;
        Files.writeString(Path.of(args.get("report")), report, StandardCharsets.UTF_8);
        System.out.print(report);
        int unexpected = rows.stream().mapToInt(Row::unexpected5xx).sum() + count(late, SoakLoad::unexpected);
        boolean flat = checks(rows, heapStart, heapEnd, first).values().stream().allMatch(ok -> ok);
        return unexpected > 0 || (args.containsKey("strict") && !flat) ? 1 : 0;
    }

    void fire(boolean crawler) {
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        String path = crawler ? pick(crawlerPaths) : pick(peoplePaths);
        String ua = crawler ? pick(List.of(CRAWLERS)) : pick(List.of(PEOPLE));
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).header("User-Agent", ua)
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long nanos = System.nanoTime() - start;
            if (crawler && error == null && response.statusCode() == 200) {
                noteCacheAnswer((ua.contains("Android") ? "mobile:" : "desktop:") + path,
                        response.headers().firstValue("x-rendergate-cache").orElse(""));
            }
            window.add(error != null ? new Result(crawler, 0, false, nanos, error.toString())
                    : new Result(crawler, response.statusCode(),
                            response.headers().firstValue("retry-after").isPresent(), nanos, null));
            inFlight.release();
        });
    }

    void noteCacheAnswer(String key, String cache) {
        if (cache.equalsIgnoreCase("MISS") && cachedOnce.containsKey(key)) {
            renderedAgain.incrementAndGet();
        }
        if (!cache.isEmpty()) {
            cachedOnce.put(key, true);
        }
    }

    synchronized String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    List<Result> drain() {
        List<Result> out = new ArrayList<>();
        for (Result r; (r = window.poll()) != null; ) {
            out.add(r);
        }
        return out;
    }

    Row row(int index, List<Result> results, Sample sample) {
        List<Result> people = results.stream().filter(r -> !r.crawler()).toList();
        List<Result> crawlers = results.stream().filter(Result::crawler).toList();
        return new Row(index, people.size(), crawlers.size(), percentile(people, 50), percentile(people, 99),
                percentile(crawlers, 99), count(results, SoakLoad::unexpected),
                count(results, r -> r.status() == 503 && r.retryAfter()), count(results, r -> r.failure() != null),
                (int) skipped.getAndSet(0), sample);
    }

    /** A 5xx other than the farm's documented load shedding (a crawler's 503 with Retry-After), or no answer. */
    static boolean unexpected(Result r) {
        if (r.failure() != null) {
            return true;
        }
        return r.status() >= 500 && !(r.crawler() && r.status() == 503 && r.retryAfter());
    }

    static int count(List<Result> results, java.util.function.Predicate<Result> p) {
        return (int) results.stream().filter(p).count();
    }

    static double percentile(List<Result> results, int p) {
        if (results.isEmpty()) {
            return Double.NaN;
        }
        long[] nanos = results.stream().mapToLong(Result::nanos).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, index)] / 1e6;
    }

    Sample sample() throws IOException, InterruptedException {
        return new Sample(threads(), chromiumProcesses(), heapUsedMb(jcmd("GC.heap_info")));
    }

    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.substring(8).trim());
            }
        }
        return -1;
    }

    /** Chromium processes under the soaked process only (other processes' browsers on this machine are not counted). */
    long chromiumProcesses() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    names.put(Long.parseLong(name), stat.substring(stat.indexOf('(') + 1, close));
                    parents.put(Long.parseLong(name), Long.parseLong(stat.substring(close + 2).split(" ")[1]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while listed
                }
            }
        }
        long count = 0;
        for (Map.Entry<Long, Long> e : parents.entrySet()) {
            if (names.get(e.getKey()).toLowerCase(Locale.ROOT).contains("chrom") && descends(e.getKey(), parents)) {
                count++;
            }
        }
        return count;
    }

    boolean descends(long process, Map<Long, Long> parents) {
        for (long p = process, hops = 0; p > 1 && hops < 64; p = parents.getOrDefault(p, 0L), hops++) {
            if (p == pid) {
                return true;
            }
        }
        return false;
    }

    double heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        return heapUsedMb(jcmd("GC.heap_info"));
    }

    /** Live objects by class (jcmd GC.class_histogram, which collects first): instances and bytes. */
    Map<String, long[]> histogram() throws IOException, InterruptedException {
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(jcmd("GC.class_histogram"));
        while (m.find()) {
            classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return classes;
    }

    /** The classes whose live bytes grew most between the two histograms: where a heap difference comes from. */
    static String growth(Map<String, long[]> start, Map<String, long[]> end) {
        StringBuilder out = new StringBuilder("live bytes by class, end minus start (largest growth first):\n");
        end.entrySet().stream()
                .sorted((a, b) -> Long.compare(grew(b.getValue(), start.get(b.getKey()), 1),
                        grew(a.getValue(), start.get(a.getKey()), 1)))
                .limit(8)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %+,d bytes, %+,d instances  %s%n",
                        grew(e.getValue(), start.get(e.getKey()), 1), grew(e.getValue(), start.get(e.getKey()), 0),
                        e.getKey())));
        return out.toString();
    }

    static long grew(long[] end, long[] start, int field) {
        return end[field] - (start == null ? 0 : start[field]);
    }

    static double heapUsedMb(String heapInfo) {
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return out;
    }

    /** The farm's request and cache-lookup counters, to show that crawlers' pages were rendered and evicted. */
    String farmCounts() {
        try {
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(farm.resolve("/metrics"))
                    .header("X-Prerender-Token", token == null ? "" : token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            StringBuilder out = new StringBuilder();
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("rendergate_requests_total") || line.startsWith("rendergate_cache_lookups_total")
                        || line.startsWith("rendergate_render_seconds_count")) {
                    out.append("    ").append(line).append('\n');
                }
            }
            return out.toString();
        } catch (IOException | InterruptedException e) {
            return "    (farm metrics not read: " + e + ")\n";
        }
    }

    /** The verdicts the full run is judged by. */
    static Map<String, Boolean> checks(List<Row> rows, double heapStart, double heapEnd, Sample first) {
        Row last = rows.get(rows.size() - 1);
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("zero unexpected 5xx", rows.stream().mapToInt(Row::unexpected5xx).sum() == 0);
        checks.put("heap after full GC, end within 10% of start", Math.abs(heapEnd - heapStart) <= 0.10 * heapStart);
        checks.put("threads flat (last row within 10% of start)",
                Math.abs(last.sample().threads() - first.threads()) <= Math.max(2, 0.10 * first.threads()));
        // Judged on the rows, taken under load (the start sample comes before the first renders and counts no
        // renderer yet), half against half: every render disposes its tab and opens the next in the background, so
        // one sample sees anything from none to a pool's worth of renderers coming and going. A leak is a trend.
        checks.put("Chromium processes flat (median of the second half of the rows at most one above the first half's)",
                medianChromium(rows.subList(rows.size() / 2, rows.size()))
                        <= medianChromium(rows.subList(0, rows.size() / 2)) + 1);
        double firstP99 = rows.get(0).peopleP99();
        checks.put("people's p99 flat (last row within 2x of the first, or under 50 ms)",
                last.peopleP99() <= Math.max(50, 2 * firstP99));
        return checks;
    }

    private static double medianChromium(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long[] counts = rows.stream().mapToLong(r -> r.sample().chromium()).sorted().toArray();
        int mid = counts.length / 2;
        return counts.length % 2 == 1 ? counts[mid] : (counts[mid - 1] + counts[mid]) / 2.0;
    }

    static String format(Row r) {
        Sample s = r.sample();
        return String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.0f | %d | %d | %d | %d | %d | %d | %.1f |",
                r.index(), r.people(), r.crawlers(), r.peopleP50(), r.peopleP99(), r.crawlerP99(), r.unexpected5xx(),
                r.shed503(), r.failures(), r.skipped(), s.threads(), s.chromium(), s.heapUsedMb());
    }

    String report(List<Row> rows, List<Result> late, double heapStart, double heapEnd, Sample first, String farmCounts,
                  int seconds, int rowSeconds, int warmup, double rate, double crawlerShare) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## Soak: %d s of mixed traffic through `up`, a row per %d s%n%n", seconds,
                rowSeconds));
        out.append(String.format(Locale.ROOT, "rate %.0f requests/s (%.0f%% crawlers over %d URLs, people over %d paths), "
                + "warm-up %d s before the first sample; load average at the end %s%n%n", rate, crawlerShare * 100,
                crawlerPaths.size(), peoplePaths.size(), warmup, loadAverage()));
        out.append("| row | people | crawlers | people p50 ms | people p99 ms | crawler p99 ms | unexpected 5xx "
                + "| 503 shed | failed | skipped | threads | chromium processes | heap used MB |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| start | | | | | | | | | | %d | %d | %.1f |%n", first.threads(),
                first.chromium(), first.heapUsedMb()));
        for (Row row : rows) {
            out.append(format(row)).append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "heap after full GC: start %.1f MB, end %.1f MB (%+.1f%%)%n", heapStart,
                heapEnd, 100 * (heapEnd - heapStart) / heapStart));
        out.append(String.format(Locale.ROOT, "answered after the last row: %d (unexpected 5xx among them: %d)%n",
                late.size(), count(late, SoakLoad::unexpected)));
        out.append(String.format(Locale.ROOT, "crawler pages cached once and rendered again later (evicted): %d of %d "
                + "keys answered from the farm%n", renderedAgain.get(), cachedOnce.size()));
        out.append("farm counters at the end:\n").append(farmCounts);
        out.append("checks:\n");
        checks(rows, heapStart, heapEnd, first).forEach((name, ok) ->
                out.append("    ").append(ok ? "PASS " : "FAIL ").append(name).append('\n'));
        return out.toString();
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The site's files (people load the shell's assets, images and API JSON) and a deep link in five. */
    static List<String> peoplePaths(Path site) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            files.filter(Files::isRegularFile)
                    .map(f -> "/" + site.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.contains("/."))
                    .sorted()
                    .forEach(paths::add);
        }
        List<String> deepLinks = new ArrayList<>();
        for (String path : sitemap(site)) {
            if (deepLinks.size() < paths.size() / 4) {
                deepLinks.add(path);
            }
        }
        paths.addAll(deepLinks);
        return paths;
    }

    /** The sitemap's pages and, one in ten, pages that do not exist. */
    static List<String> crawlerPaths(Path site) throws IOException {
        List<String> pages = new ArrayList<>(sitemap(site));
        int missing = Math.max(1, pages.size() / 10);
        for (int i = 0; i < missing; i++) {
            pages.add(i % 2 == 0 ? "/doctors/9" + (1000 + i) + "-nobody" : "/no-such-page-" + i);
        }
        return pages;
    }

    static List<String> sitemap(Path site) throws IOException {
        Path sitemap = site.resolve("sitemap.xml");
        if (!Files.exists(sitemap)) {
            throw new UncheckedIOException(new IOException("the site has no sitemap.xml: " + sitemap));
        }
        List<String> pages = new ArrayList<>();
        Matcher m = Pattern.compile("<loc>[a-z]+://[^/<]+(/[^<]*)</loc>").matcher(Files.readString(sitemap));
        while (m.find()) {
            pages.add(m.group(1));
        }
        return pages;
    }

    static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "soak");
            t.setDaemon(true);
            return t;
        };
    }
}
