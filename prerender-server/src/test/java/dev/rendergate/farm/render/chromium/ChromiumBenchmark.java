package dev.rendergate.farm.render.chromium;

import dev.rendergate.edge.detect.Device;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the Chromium engine on the sample SPA served from loopback: cold latency (fresh browser),
 * warm latency and throughput at concurrency 1/2/4 with a tab pool (default 4 tabs), and the browser tree's peak
 * memory. With {@code --prerender BASE_URL --prerender-pid PID} it measures a running npm prerender
 * server on the same pages the same way. Short and bounded: about two minutes per run.
 *
 * <p>Arguments: {@code [site-dir] [--seconds N] [--tabs N] [--prerender URL --prerender-pid PID] [--soak RENDERS]};
 * {@code --soak} instead renders that many pages on one browser and reports process and memory growth.
 */
public final class ChromiumBenchmark {
    private static final Pattern LOC = Pattern.compile("<loc>https?://[^/]+(/[^<]*)</loc>");
    private static final Duration BUDGET = Duration.ofSeconds(10);

    /** One way to render a URL; returns null when the render is not a complete 200. */
    private interface Renderer {
        String render(URI url) throws Exception;
    }

    private ChromiumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../static-site/site");
        int seconds = Integer.parseInt(option(args, "--seconds", "10"));
        String prerender = option(args, "--prerender", null);
        try (StaticSiteServer server = new StaticSiteServer(site)) {
            List<URI> urls = routes(site, server);
            System.out.printf("site %s, %d routes, window %d s per concurrency level%n", site, urls.size(), seconds);
            int soak = Integer.parseInt(option(args, "--soak", "0"));
            if (soak > 0) {
                soak(server, urls, soak);
            } else if (prerender == null) {
                measureChromium(server, urls, seconds, Integer.parseInt(option(args, "--tabs", "4")));
            } else {
                long pid = Long.parseLong(option(args, "--prerender-pid", "0"));
                measurePrerender(URI.create(prerender), pid, urls, seconds);
            }
        }
        System.exit(0);
    }

    private static void measureChromium(StaticSiteServer server, List<URI> urls, int seconds, int tabs)
            throws Exception {
        List<Long> launches = new ArrayList<>();
        List<Long> colds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (ChromiumBrowser browser = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(1), server.egress())) {
                long t1 = System.nanoTime();
                ChromiumPage page = browser.render(urls.get(i % urls.size()), Device.DESKTOP, BUDGET, server::allows);
                require(page);
                launches.add((t1 - t0) / 1_000_000);
                colds.add(page.renderMillis());
            }
        }
        System.out.printf("launch (process + DevTools + 1 tab): median %d ms, p95 %d ms%n", pct(launches, 50), pct(launches, 95));
        System.out.printf("cold render (first render of a fresh browser): median %d ms, p95 %d ms%n", pct(colds, 50), pct(colds, 95));
        try (ChromiumBrowser browser = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(tabs), server.egress());
             MemorySampler memory = new MemorySampler(browser.pid())) {
            Renderer engine = url -> {
                ChromiumPage page = browser.render(url, Device.DESKTOP, BUDGET, server::allows);
                return ok(page) ? page.html() : null;
            };
            runLevels(engine, urls, seconds);
            memory.report("browser tree (" + tabs + " tabs)");
        }
    }

    /** Renders N pages on one 2-tab browser and reports process count and memory at checkpoints. */
    private static void soak(StaticSiteServer server, List<URI> urls, int renders) throws Exception {
        try (ChromiumBrowser browser = ChromiumBrowser.launch(ChromiumOptions.defaults().withTabs(2), server.egress())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            AtomicInteger failed = new AtomicInteger();
            System.out.println("| renders | failed | browser processes | browser tree PSS MB | JVM heap used MB |");
            System.out.println("|---|---|---|---|---|");
            int step = Math.max(1, renders / 5);
            long start = System.nanoTime();
            for (int done = 0; done < renders; done += step) {
                List<Future<?>> batch = new ArrayList<>();
                for (int i = done; i < Math.min(renders, done + step); i++) {
                    URI url = urls.get(i % urls.size());
                    Device device = i % 2 == 0 ? Device.MOBILE : Device.DESKTOP;
                    batch.add(pool.submit(() -> {
                        if (!ok(browser.render(url, device, BUDGET, server::allows))) {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : batch) {
                    f.get();
                }
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("| %d | %d | %d | %d | %d |%n", Math.min(renders, done + step), failed.get(),
                        ProcessHandle.of(browser.pid()).map(p -> p.descendants().count() + 1).orElse(0L),
                        MemorySampler.treePssKb(browser.pid()) / 1024, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
            System.out.printf("%d renders in %.1f s%n", renders, (System.nanoTime() - start) / 1e9);
            pool.shutdown();
        }
    }

    private static void measurePrerender(URI base, long pid, List<URI> urls, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Renderer prerender = url -> {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/render?url="
                    + URLEncoder.encode(url.toString(), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("doctor") ? response.body() : null;
        };
        long t0 = System.nanoTime();
        String first = prerender.render(urls.get(0));
        System.out.printf("prerender first render (server just started): %d ms, ok=%s%n",
                (System.nanoTime() - t0) / 1_000_000, first != null);
        try (MemorySampler memory = new MemorySampler(pid)) {
            runLevels(prerender, urls, seconds);
            memory.report("node + Chromium tree");
        }
    }

    private static void runLevels(Renderer renderer, List<URI> urls, int seconds) throws Exception {
        for (int i = 0; i < 8; i++) {
            renderer.render(urls.get(i % urls.size()));
        }
        System.out.println("| concurrency | renders | failed | renders/s | median ms | p95 ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (int concurrency : new int[] {1, 2, 4}) {
            runLevel(renderer, urls, seconds, concurrency);
        }
    }

    private static void runLevel(Renderer renderer, List<URI> urls, int seconds, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    URI url = urls.get(next.getAndIncrement() % urls.size());
                    long t = System.nanoTime();
                    try {
                        if (renderer.render(url) == null) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("| %d | %d | %d | %.2f | %d | %d |%n", concurrency, latencies.size(), failed.get(),
                (latencies.size() - failed.get()) / elapsed, pct(latencies, 50), pct(latencies, 95));
    }

    private static List<URI> routes(Path site, StaticSiteServer server) throws IOException {
        Path sitemap = site.resolve("sitemap.xml");
        List<URI> urls = new ArrayList<>();
        if (Files.exists(sitemap)) {
            Matcher m = LOC.matcher(Files.readString(sitemap));
            while (m.find() && urls.size() < 40) {
                urls.add(server.uri(m.group(1)));
            }
        }
        if (urls.isEmpty()) {
            urls.add(server.uri("/"));
        }
        return urls;
    }

    private static boolean ok(ChromiumPage page) {
        return page.status() == 200 && !page.timedOut() && !page.html().contains("class=\"loading\"");
    }

    private static void require(ChromiumPage page) {
        if (!ok(page)) {
            throw new IllegalStateException("render not complete: status " + page.status() + " timedOut " + page.timedOut());
        }
    }

    static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Samples the summed RSS and PSS of a process and its descendants every 200 ms, keeping the peak. */
    private static final class MemorySampler implements AutoCloseable {
        private final long rootPid;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peakRssKb;
        private volatile long peakPssKb;
        private volatile int peakProcesses;

        MemorySampler(long rootPid) {
            this.rootPid = rootPid;
            this.thread = new Thread(this::loop, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            List<ProcessHandle> tree = new ArrayList<>();
            ProcessHandle.of(rootPid).ifPresent(root -> {
                tree.add(root);
                root.descendants().forEach(tree::add);
            });
            long rss = 0;
            long pss = 0;
            for (ProcessHandle p : tree) {
                rss += field(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS:", s -> s);
                pss += field(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:", s -> s);
            }
            peakRssKb = Math.max(peakRssKb, rss);
            peakPssKb = Math.max(peakPssKb, pss);
            peakProcesses = Math.max(peakProcesses, tree.size());
        }

        static long treePssKb(long pid) {
            long pss = 0;
            for (ProcessHandle p : ProcessHandle.of(pid).map(root -> {
                List<ProcessHandle> all = new ArrayList<>(List.of(root));
                root.descendants().forEach(all::add);
                return all;
            }).orElse(List.of())) {
                pss += field(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:", s -> s);
            }
            return pss;
        }

        private static long field(Path file, String name, Function<String, String> clean) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(clean.apply(line.substring(name.length()).replace("kB", "").trim()));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process exited between listing and reading
            }
            return 0;
        }

        void report(String what) {
            sample();
            System.out.printf("peak memory of the %s: RSS sum %d MB, PSS sum %d MB, up to %d processes%n",
                    what, peakRssKb / 1024, peakPssKb / 1024, peakProcesses);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
