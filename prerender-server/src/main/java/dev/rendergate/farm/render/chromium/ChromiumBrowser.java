package dev.rendergate.farm.render.chromium;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.egress.EgressProxy;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium process driven over the DevTools Protocol. Every render runs in a tab of a browser
 * context of its own that no earlier render touched (cookies, storages, IndexedDB, Cache Storage, service workers,
 * {@code window.name}, history, HTTP cache); the context is disposed after the render. Tabs are opened ahead, in
 * the background, so a render does not wait for one (opening a tab costs a renderer process start).
 *
 * <p>Thread-safe: up to {@link ChromiumOptions#tabs()} renders run at once, more wait for a tab within
 * their budget. The browser owns its whole process tree; {@link #close()} leaves no process behind. When
 * the browser dies, {@link #isAlive()} turns false and {@link #render} throws {@link ChromiumException}:
 * the caller relaunches.
 */
public final class ChromiumBrowser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumBrowser.class);
    private static final long TAB_WAIT_SLICE_MS = 100;

    private final ChromiumOptions options;
    private final EgressProxy egress;
    private final BrowserProcess process;
    private final CdpConnection cdp;
    private final String chromeMajor;
    private final ThreadPoolExecutor workers;
    private final BlockingQueue<Tab> idle = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean broken;

    private ChromiumBrowser(ChromiumOptions options, EgressProxy egress, BrowserProcess process, CdpConnection cdp,
                            String chromeMajor) {
        this.options = options;
        this.egress = egress;
        this.process = process;
        this.cdp = cdp;
        this.chromeMajor = chromeMajor;
        // Request checks (the caller's predicate may resolve DNS) and opening and closing tabs run here, off the
        // socket thread.
        this.workers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096), r -> {
            Thread t = new Thread(r, "chromium-" + process.pid() + "-worker");
            t.setDaemon(true);
            return t;
        });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** The first Chromium found: {@code /usr/bin/chromium}, then chromium, chromium-browser, google-chrome on PATH. */
    public static Optional<Path> findExecutable() {
        // PATH is read only to locate a binary, the way a shell would; it configures nothing.
        return findExecutable(Objects.requireNonNullElse(System.getenv("PATH"), ""));
    }

    static Optional<Path> findExecutable(String path) {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts the browser and opens its tab pool; throws {@link ChromiumException} if it cannot. All its traffic goes
     * through {@code egress}: each tab's browser context through a session of its own, the rest to a listener that
     * refuses everything.
     */
    public static ChromiumBrowser launch(ChromiumOptions options, EgressProxy egress) {
        ChromiumSandbox sandbox = ChromiumSandbox.detect();
        if (!sandbox.enabled()) {
            LOG.warn("chromium runs without its sandbox: {}", sandbox.reason());
        }
        BrowserProcess process = BrowserProcess.start(options, sandbox, egress.chromiumFlags());
        CdpConnection cdp = CdpConnection.open(process.fromBrowser(), process.toBrowser(), options.maxMessageChars(),
                "chromium-" + process.pid());
        ChromiumBrowser browser = null;
        try {
            Object product = cdp.call(null, "Browser.getVersion", Map.of(), options.launchTimeout()).get("product");
            browser = new ChromiumBrowser(options, egress, process, cdp,
                    DeviceProfile.majorVersion(String.valueOf(product)));
            browser.openTabs(options.tabs());
            LOG.info("chromium launched pid={} version={} tabs={} sandbox={}", process.pid(), product, options.tabs(),
                    sandbox.enabled() ? "on" : "off");
            return browser;
        } catch (RuntimeException e) {
            if (browser != null) {
                browser.close();
            } else {
                process.kill(Duration.ZERO);
                cdp.close();
            }
            throw new ChromiumException("Chromium launch failed (" + options.executable() + "): " + e.getMessage()
                    + stderrTail(process), e);
        }
    }

    private static String stderrTail(BrowserProcess process) {
        List<String> lines = process.lastErrors();
        return lines.isEmpty() ? "" : "; its last words: " + String.join(" | ", lines);
    }

    /**
     * Renders a URL as the given device within the budget. Every request the page makes, the document
     * included, must pass {@code allowRequest}; images, fonts and media are never fetched.
     */
    public ChromiumPage render(URI url, Device device, Duration budget, Predicate<URI> allowRequest) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(allowRequest, "allowRequest");
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Tab tab = takeTab(deadline);
        try {
            PageRender.Outcome outcome = tab.render(url, device == null ? Device.DESKTOP : device, start, deadline, allowRequest);
            LOG.debug("chromium render url={} status={} timedOut={} ms={}", url, outcome.page().status(),
                    outcome.page().timedOut(), outcome.page().renderMillis());
            return outcome.page();
        } catch (CdpException e) {
            throw new ChromiumException("render of " + url + " failed: " + e.getMessage(), e);
        } finally {
            giveBack(tab);
        }
    }

    /** True while the process runs, the DevTools connection is open and the tab pool is intact. */
    public boolean isAlive() {
        return !closed.get() && !broken && process.isAlive() && cdp.isOpen();
    }

    /** The browser's process id (its descendants are the renderers). */
    public long pid() {
        return process.pid();
    }

    /** Asks the browser to quit, then terminates and finally kills its whole process tree. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean asked = false;
        if (cdp.isOpen()) {
            try {
                cdp.call(null, "Browser.close", Map.of(), Duration.ofSeconds(2));
                asked = true;
            } catch (CdpException e) {
                // the connection drops as the browser exits; the kill below covers the rest
                asked = !cdp.isOpen();
            }
        }
        process.kill(asked ? Duration.ofSeconds(3) : Duration.ZERO);
        cdp.close();
        workers.shutdownNow();
        LOG.info("chromium closed pid={}", process.pid());
    }

    /** Opens the pool's tabs in parallel: each costs a renderer process start. */
    private void openTabs(int count) {
        List<CompletableFuture<Tab>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(CompletableFuture.supplyAsync(this::openTab, workers));
        }
        try {
            for (CompletableFuture<Tab> tab : opening) {
                idle.add(tab.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    private Tab openTab() {
        return Tab.open(cdp, options, workers, chromeMajor, egress);
    }

    private Tab takeTab(long deadline) {
        try {
            while (true) {
                requireAlive();
                Tab tab = idle.poll(TAB_WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
                if (tab != null) {
                    return tab;
                }
                if (System.nanoTime() >= deadline) {
                    throw new ChromiumException("no free Chromium tab within the budget (" + options.tabs() + " tabs busy)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChromiumException("interrupted while waiting for a Chromium tab", e);
        }
    }

    private void requireAlive() {
        if (!isAlive()) {
            throw new ChromiumException("Chromium is not running (pid " + process.pid() + ")");
        }
    }

    /**
     * Disposes the used tab with its browser context and opens a fresh one for the next render, both off the
     * caller's thread and side by side: a tab is never reused, since no reset reaches every kind of state a page
     * can leave behind.
     */
    private void giveBack(Tab tab) {
        try {
            workers.execute(tab::close);
            workers.execute(this::replace);
        } catch (RejectedExecutionException e) {
            tab.close();
        }
    }

    private void replace() {
        if (closed.get()) {
            return;
        }
        try {
            idle.add(openTab());
        } catch (RuntimeException e) {
            if (!closed.get()) {
                // A browser that cannot open a tab is not worth keeping: report it dead so it is relaunched.
                broken = true;
                LOG.warn("chromium pid={} could not replace a tab: {}", process.pid(), e.getMessage());
            }
        }
    }
}
