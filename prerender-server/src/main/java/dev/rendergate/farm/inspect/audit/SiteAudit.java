package dev.rendergate.farm.inspect.audit;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.freshness.WarmProgress;
import dev.rendergate.farm.inspect.seo.Problem;
import dev.rendergate.farm.inspect.seo.RenderInfo;
import dev.rendergate.farm.inspect.seo.SeoChecks;
import dev.rendergate.farm.seo.SeoFacts;
import dev.rendergate.farm.seo.SeoFactsReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The inspector's checks for every page of a site: each page is fetched through a farm as crawlers get it, a few at
 * a time, read and checked like a snapshot in the inspector; titles shared by several pages are flagged at the end.
 */
public final class SiteAudit {
    /** Most pages one audit reads (a sitemap index may list far more; the rest is reported as skipped). */
    public static final int MAX_PAGES = 50_000;

    private final PageFetcher fetcher;
    private final SeoChecks checks;
    private final int concurrency;

    public SiteAudit(PageFetcher fetcher, SeoChecks checks, int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be 1-64, got " + concurrency);
        }
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.concurrency = concurrency;
    }

    /** Audits {@code pages} for each of {@code devices}, telling {@code progress} after every page. */
    public AuditReport run(List<URI> pages, List<Device> devices, Consumer<WarmProgress> progress) {
        List<URI> audited = pages.size() > MAX_PAGES ? pages.subList(0, MAX_PAGES) : pages;
        int total = audited.size() * devices.size();
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Checked> checked = Collections.synchronizedList(new ArrayList<>(total));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>(total);
            for (URI page : audited) {
                for (Device device : devices) {
                    tasks.add(pool.submit(() -> {
                        Checked c = check(page, device);
                        checked.add(c);
                        if (c.page().failure() != null) {
                            failed.incrementAndGet();
                        }
                        progress.accept(new WarmProgress(total, done.incrementAndGet() - failed.get(), 0, failed.get(),
                                Duration.ofNanos(System.nanoTime() - start)));
                    }));
                }
            }
            for (Future<?> task : tasks) {
                await(task);
            }
        } finally {
            pool.shutdownNow();
        }
        return new AuditReport(withDuplicateTitles(checked), Duration.ofNanos(System.nanoTime() - start),
                pages.size() - audited.size());
    }

    private Checked check(URI url, Device device) {
        PageFetcher.Fetched f = fetcher.fetch(url, device);
        if (f.failure() != null) {
            return new Checked(new AuditedPage(url.toString(), device.label(), f.status(), f.engine(), f.renderMs(), null,
                    List.of(), f.failure()), null);
        }
        SeoFacts facts = SeoFactsReader.read(url.toString(), f.status(), f.headers(), f.html());
        List<Problem> problems = checks.check(facts, RenderInfo.of(f.renderMs(), f.engine()));
        return new Checked(new AuditedPage(url.toString(), device.label(), f.status(), f.engine(), f.renderMs(),
                facts.title(), problems, null), facts);
    }

    private static List<AuditedPage> withDuplicateTitles(List<Checked> checked) {
        Map<String, Set<String>> urlsByTitle = new HashMap<>();
        for (Checked c : checked) {
            if (c.facts() != null && c.page().status() == 200 && c.page().title() != null && !c.page().title().isBlank()) {
                urlsByTitle.computeIfAbsent(c.page().title(), t -> new HashSet<>()).add(c.page().url());
            }
        }
        List<AuditedPage> pages = new ArrayList<>(checked.size());
        for (Checked c : checked) {
            AuditedPage p = c.page();
            Set<String> owners = p.title() == null || c.facts() == null || p.status() != 200 ? null : urlsByTitle.get(p.title());
            int others = owners == null ? 0 : owners.size() - 1;
            if (others > 0) {
                List<Problem> problems = new ArrayList<>(p.problems());
                SeoChecks.duplicateTitle(p.title(), others).ifPresent(problems::add);
                problems.sort((a, b) -> a.severity().compareTo(b.severity()));
                p = new AuditedPage(p.url(), p.device(), p.status(), p.engine(), p.renderMs(), p.title(), problems, null);
            }
            pages.add(p);
        }
        return pages;
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit task failed: " + e.getCause(), e.getCause());
        }
    }

    private record Checked(AuditedPage page, SeoFacts facts) {
    }
}
