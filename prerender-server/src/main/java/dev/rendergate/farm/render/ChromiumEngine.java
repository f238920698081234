package dev.rendergate.farm.render;

import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.egress.EgressRefusedException;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.render.chromium.ChromiumException;
import dev.rendergate.farm.render.chromium.ChromiumOptions;
import dev.rendergate.farm.render.chromium.ChromiumPage;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Adapts the Chromium browser (one process; each render in a tab of a fresh browser context) to
 * {@link RenderEngine}. One instance is shared by every pool slot: the browser is thread-safe and bounds its own
 * concurrency by its tab count. The browser is launched on first use and relaunched if it dies.
 */
public final class ChromiumEngine implements RenderEngine {
    /** Engine name in headers, logs and metrics. */
    public static final String NAME = "chromium";
    /**
     * After a failed launch, renders fail at once for this long rather than each waiting on a launch of its own
     * (a browser that hangs on launch would otherwise hold every render for the launch timeout).
     */
    static final Duration RELAUNCH_BACKOFF = Duration.ofSeconds(5);

    private final ChromiumOptions options;
    private final SubrequestPolicy policy;
    private final FarmMetrics metrics;
    private final RenderSettings settings;
    private final HtmlUnitValidation validation;
    private final EgressProxy egress;
    private volatile ChromiumBrowser browser;
    private boolean closed;
    private volatile boolean launchSettled;
    private volatile String launchFailure;
    private long launchFailedAt;

    /** @param egress the farm's egress proxy: every request of the browser goes through it */
    public ChromiumEngine(ChromiumOptions options, RenderSettings settings, SubrequestPolicy policy, FarmMetrics metrics,
                          EgressProxy egress) {
        this.options = options;
        this.egress = egress;
        this.settings = settings;
        this.policy = policy;
        this.metrics = metrics;
        this.validation = new HtmlUnitValidation(settings.appRootSelector());
    }

    /** An engine for the system Chromium, or empty when none is installed. */
    public static Optional<ChromiumEngine> ifInstalled(int tabs, RenderSettings settings, SubrequestPolicy policy,
                                                       FarmMetrics metrics, EgressProxy egress) {
        return ChromiumBrowser.findExecutable().map(exe -> at(exe, tabs, settings, policy, metrics, egress));
    }

    /** An engine for the Chromium executable at {@code exe}. */
    public static ChromiumEngine at(java.nio.file.Path exe, int tabs, RenderSettings settings, SubrequestPolicy policy,
                                    FarmMetrics metrics, EgressProxy egress) {
        java.time.Duration quiet = settings.networkIdle().isZero() ? java.time.Duration.ofMillis(1) : settings.networkIdle();
        return new ChromiumEngine(ChromiumOptions.defaults().withExecutable(exe).withTabs(tabs).withQuietPeriod(quiet),
                settings, policy, metrics, egress);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Launches the browser now (fail fast when Chromium is the only engine). */
    public void start() {
        try {
            browser(options.launchTimeout());
        } finally {
            launchSettled = true;
        }
    }

    /**
     * Launches the browser on a background thread so the first fallback render does not pay for the start-up
     * (several seconds on a loaded machine); a failure is logged and retried on first use.
     */
    public void startInBackground() {
        Thread t = new Thread(() -> {
            try {
                start();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ChromiumEngine.class)
                        .warn("event=chromium-launch-failed error={}", e.toString());
            }
        }, "chromium-launch");
        t.setDaemon(true);
        t.start();
    }

    /** True once the first launch finished, whether it succeeded or not (readiness must not hang on it). */
    public boolean launchSettled() {
        return launchSettled;
    }

    @Override
    public RenderOutcome render(RenderJob job) {
        ChromiumBrowser b;
        try {
            b = browser(job.remaining());
        } catch (ChromiumException e) {
            return new RenderOutcome.Failed(502, FailureReason.CHROMIUM_UNAVAILABLE, e.getMessage(), NAME);
        }
        ChromiumPage page;
        try {
            page = b.render(job.url(), job.device(), job.remaining(), allowed());
        } catch (ChromiumException e) {
            return new RenderOutcome.Failed(502, FailureReason.CHROMIUM_ERROR, e.getMessage(), NAME);
        } catch (EgressRefusedException e) {
            return RenderOutcome.Failed.egress(e, NAME);
        }
        if (page.timedOut()) {
            return new RenderOutcome.Failed(settings.timeoutStatus(), FailureReason.TIMEOUT, firstError(page), NAME);
        }
        if (page.status() == 0) {
            return new RenderOutcome.Failed(502, FailureReason.ORIGIN_UNREACHABLE, firstError(page), NAME);
        }
        if (page.status() >= 200 && page.status() < 300) {
            Optional<HtmlUnitValidation.Problem> problem = validation.emptyRoot(page.html());
            if (problem.isPresent()) {
                return problem.get().failed(NAME);
            }
        }
        URI finalUrl = page.finalUrl().isEmpty() ? job.url() : URI.create(page.finalUrl());
        return new RenderOutcome.Rendered(page.html(), page.status(), headers(page), finalUrl, page.errors(), NAME);
    }

    /** The page's errors for the log line: the first, and the last (why a render that timed out did). */
    private static String firstError(ChromiumPage page) {
        List<String> errors = page.errors();
        return errors.isEmpty() ? "" : errors.size() == 1 ? errors.get(0)
                : errors.get(0) + " … " + errors.get(errors.size() - 1);
    }

    private Predicate<URI> allowed() {
        return uri -> {
            SubrequestPolicy.Decision d = policy.decide(uri);
            if (!d.allowed()) {
                metrics.subrequestRefused(d.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return d.allowed();
        };
    }

    private static Map<String, String> headers(ChromiumPage page) {
        Map<String, String> out = new LinkedHashMap<>();
        page.headers().forEach((name, value) -> {
            boolean redirect = page.status() >= 300 && page.status() < 400 && name.equalsIgnoreCase("location");
            if (redirect || (HeaderPolicy.fromOrigin(name) && !name.equalsIgnoreCase("location"))) {
                out.put(PageSignals.canonical(name), value);
            }
        });
        return out;
    }

    /**
     * What is wrong with Chromium now (its last launch failed, or it died and is relaunched on the next render), or
     * empty while it runs or before its first launch.
     */
    public Optional<String> problem() {
        String failure = launchFailure;
        if (failure != null) {
            return Optional.of("chromium down: " + failure);
        }
        ChromiumBrowser running = browser;
        return running != null && !running.isAlive()
                ? Optional.of("chromium died (pid " + running.pid() + "); relaunched on the next render")
                : Optional.empty();
    }

    /** The running browser, launched within {@code bound} when there is none (a crawler waits at most its budget). */
    private synchronized ChromiumBrowser browser(Duration bound) {
        if (closed) {
            throw new ChromiumException("chromium engine closed");
        }
        if (browser != null && browser.isAlive()) {
            return browser;
        }
        if (browser != null) {
            browser.close();
            browser = null;
            metrics.recycle("chromium-died");
        }
        if (launchFailure != null && System.nanoTime() - launchFailedAt < RELAUNCH_BACKOFF.toNanos()) {
            throw new ChromiumException(launchFailure + " (tried again within " + RELAUNCH_BACKOFF.toSeconds() + " s)");
        }
        if (bound.isNegative() || bound.isZero()) {
            throw new ChromiumException("no budget left to launch Chromium");
        }
        try {
            browser = ChromiumBrowser.launch(bound.compareTo(options.launchTimeout()) < 0
                    ? options.withLaunchTimeout(bound) : options, egress);
        } catch (ChromiumException e) {
            launchFailure = e.getMessage();
            launchFailedAt = System.nanoTime();
            metrics.chromiumLaunch("failed");
            throw e;
        }
        launchFailure = null;
        metrics.chromiumLaunch("ok");
        return browser;
    }

    /** A render on a shared browser is bounded by its own budget; there is no single render to abort here. */
    @Override
    public void abort() {
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A view for one pool slot: renders on the shared engine, but closing the slot does not close the browser. */
    public RenderEngine sharedView() {
        ChromiumEngine shared = this;
        return new RenderEngine() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public RenderOutcome render(RenderJob job) {
                return shared.render(job);
            }

            @Override
            public void abort() {
                shared.abort();
            }

            @Override
            public void close() {
                // the shared browser is closed by its owner
            }
        };
    }
}
