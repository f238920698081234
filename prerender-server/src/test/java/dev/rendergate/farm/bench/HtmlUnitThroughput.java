package dev.rendergate.farm.bench;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.prerender.RenderResult;
import dev.rendergate.farm.testing.SpaServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short load run of the HtmlUnit engine on the sample SPA: every URL of its sitemap rendered in turn (cache off, so
 * every request is a real render) at concurrency 1, 2 and 4 for a fixed time each; prints renders/s, median and
 * p95 latency, failures and heap; then a soak of N renders at concurrency 2 printing live heap (after GC) and
 * thread count every quarter. Arguments: {@code [seconds-per-step] [pool-size] [soak-renders]}.
 */
public final class HtmlUnitThroughput {
    private HtmlUnitThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int pool = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int soak = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        try (SpaServer site = SpaServer.start(SpaServer.sampleSite())) {
            List<String> paths = sitemapPaths();
            Farm farm = Farm.create(FarmConfig.defaults()
                    .withAllowedOrigin(site.origin())
                    .withPrivateAddressException("127.0.0.1:" + site.port())
                    .withEngine(EngineMode.HTMLUNIT)
                    .withPoolSize(pool)
                    .withQueueSize(64)
                    .withCacheMaxBytes(0));
            AtomicInteger next = new AtomicInteger();
            System.out.printf("pool=%d cores=%d urls=%d seconds/step=%d%n", pool,
                    Runtime.getRuntime().availableProcessors(), paths.size(), seconds);
            run(farm, site, paths, next, 1, 5); // warm-up: JIT, first WebClients
            for (int concurrency : new int[] {1, 2, 4}) {
                Step s = run(farm, site, paths, next, concurrency, seconds);
                System.out.printf("concurrency=%d renders=%d failed=%d renders/s=%.2f p50=%dms p95=%dms%n",
                        concurrency, s.latencies.size(), s.failed, s.latencies.size() / s.seconds, s.percentile(50),
                        s.percentile(95));
            }
            printHeap("after throughput steps");
            for (int quarter = 1; quarter <= 4 && soak > 0; quarter++) {
                soak(farm, site, paths, next, soak / 4);
                printHeap("soak " + quarter * (soak / 4) + " renders");
            }
            farm.stop();
        }
    }

    private static void soak(Farm farm, SpaServer site, List<String> paths, AtomicInteger next, int renders)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<RenderResult>> all = new ArrayList<>();
        for (int i = 0; i < renders; i++) {
            String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
            all.add(clients.submit(() -> farm.prerenderer().render(URI.create(site.origin() + path), Device.DESKTOP)));
        }
        long failed = 0;
        for (Future<RenderResult> f : all) {
            failed += f.get().ok() ? 0 : 1;
        }
        clients.shutdown();
        if (failed > 0) {
            System.out.printf("soak: %d of %d renders failed%n", failed, renders);
        }
    }

    private static void printHeap(String when) {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.printf("%s: live heap %d MB, threads %d%n", when, (rt.totalMemory() - rt.freeMemory()) >> 20,
                Thread.activeCount());
    }

    private static Step run(Farm farm, SpaServer site, List<String> paths, AtomicInteger next, int concurrency,
                            int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
                    long t = System.nanoTime();
                    RenderResult r = farm.prerenderer().render(URI.create(site.origin() + path), Device.DESKTOP);
                    if (r.ok() && r.status() == 200) {
                        latencies.add((System.nanoTime() - t) / 1_000_000);
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        return new Step(new ArrayList<>(latencies), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    private static List<String> sitemapPaths() throws IOException {
        String xml = Files.readString(SpaServer.sampleSite().resolve("sitemap.xml"));
        Matcher m = Pattern.compile("<loc>https?://[^/<]+(/[^<]*)</loc>").matcher(xml);
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    private record Step(List<Long> latencies, int failed, double seconds) {
        long percentile(int p) {
            if (latencies.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
