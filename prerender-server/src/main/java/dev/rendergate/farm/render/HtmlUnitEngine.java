package dev.rendergate.farm.render;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.egress.EgressRefusedException;
import dev.rendergate.farm.egress.EgressSession;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.htmlunit.Cache;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders with HtmlUnit: pure Java, fast on ES5-compatible apps, validated on every render because it fails
 * silently on modern builds. Every render gets a {@link WebClient} of its own, closed after it (so no state outlives
 * a render); the clients share one HtmlUnit {@link Cache}, so compiled scripts are reused.
 */
public final class HtmlUnitEngine implements RenderEngine {
    /** Engine name in headers, logs and metrics. */
    public static final String NAME = "htmlunit";
    private static final Logger LOG = LoggerFactory.getLogger(HtmlUnitEngine.class);

    private final RenderSettings settings;
    private final SubrequestPolicy policy;
    private final FarmMetrics metrics;
    private final HtmlUnitValidation validation;
    private final Cache cache;
    private final EgressProxy egress;
    private volatile HtmlUnitClient current;

    /**
     * @param cache HtmlUnit's response and compiled-script cache, shared by every engine of the farm (see
     *              {@link #sharedCache(int)})
     * @param egress the farm's egress proxy: every request of every render goes through it
     */
    public HtmlUnitEngine(RenderSettings settings, SubrequestPolicy policy, FarmMetrics metrics, Cache cache,
                          EgressProxy egress) {
        this.settings = settings;
        this.egress = egress;
        this.policy = policy;
        this.metrics = metrics;
        this.cache = cache;
        this.validation = new HtmlUnitValidation(settings.appRootSelector());
    }

    /**
     * A cache for the engines of a pool of {@code poolSize}: as many entries as each engine's own client used to
     * keep (HtmlUnit's default of 40 per client and device class).
     */
    public static Cache sharedCache(int poolSize) {
        return new SharedHtmlUnitCache(Math.max(1, poolSize) * 2 * new Cache().getMaxSize());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Creates the desktop client and runs a trivial script in it, so the first real render does not pay for
     * HtmlUnit's one-off JavaScript set-up (seconds on a loaded machine, enough to blow a render budget).
     */
    public HtmlUnitEngine warmUp() {
        try (HtmlUnitClient client = newClient(Device.DESKTOP, egress.refuseAll())) {
            client.warmUp();
        }
        return this;
    }

    @Override
    public RenderOutcome render(RenderJob job) {
        EgressSession session = egress.open(job.url(), job.remaining());
        HtmlUnitClient client = newClient(job.device(), session);
        current = client;
        try {
            RenderOutcome outcome = renderWith(client, job);
            session.requireComplete(job.url());
            return outcome;
        } catch (EgressRefusedException e) {
            return RenderOutcome.Failed.egress(e, NAME);
        } finally {
            current = null;
            client.close();
            session.close();
        }
    }

    private static boolean readTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private HtmlUnitClient newClient(Device device, EgressSession session) {
        return new HtmlUnitClient(DeviceProfile.of(device), policy, metrics, cache, session);
    }

    private RenderOutcome renderWith(HtmlUnitClient client, RenderJob job) {
        Page page;
        try {
            page = client.load(job.url(), job.remaining());
        } catch (IOException e) {
            if (readTimedOut(e)) {
                // An origin that holds its answer past the budget is slow, not unreachable: a timeout like any other.
                return new RenderOutcome.Failed(settings.timeoutStatus(), FailureReason.TIMEOUT,
                        "the origin did not answer within the budget: " + e, NAME);
            }
            return new RenderOutcome.Failed(502, FailureReason.ORIGIN_UNREACHABLE, e.toString(), NAME);
        }
        WebResponse response = page.getWebResponse();
        Map<String, String> headers = originHeaders(response);
        if (client.connection().mainLocation() != null) {
            headers.put("Location", client.connection().mainLocation());
            return rendered(response.getContentAsString(), response.getStatusCode(), headers, client, job);
        }
        if (!(page instanceof HtmlPage html)) {
            return new RenderOutcome.Failed(502, FailureReason.NOT_HTML, response.getContentType(), NAME);
        }
        Optional<HtmlUnitValidation.Problem> early = HtmlUnitValidation.unsupportedScripts(
                org.jsoup.Jsoup.parse(response.getContentAsString()));
        if (early.isPresent()) {
            return early.get().failed(NAME);
        }
        Wait wait = awaitDone(html, client, job);
        if (wait != Wait.DONE) {
            return wait.failure(settings.timeoutStatus(), client.errors());
        }
        html.getEnclosingWindow().getJobManager().removeAllJobs();
        String dom = serialise(html);
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            Optional<HtmlUnitValidation.Problem> problem =
                    validation.problem(dom, response.getContentAsString(), client.errors().messages());
            if (problem.isPresent()) {
                return problem.get().failed(NAME);
            }
        }
        return rendered(dom, status, headers, client, job);
    }

    /**
     * Waits for {@code prerenderReady === true} when the page defines it, else for network idle. Ends early, since
     * waiting longer cannot help, when a script failed (a thrown error or a promise rejection nobody handled) or
     * when the page stalled: it still says it is not ready, yet nothing is loading and no timer is pending, so
     * nothing is left that could ever make it ready.
     */
    private Wait awaitDone(HtmlPage page, HtmlUnitClient client, RenderJob job) {
        NetworkActivity activity = client.connection().activity();
        try {
            while (!job.expired()) {
                if (client.errors().timedOut()) {
                    return Wait.TIMED_OUT;
                }
                if (client.errors().any()) {
                    return Wait.SCRIPT_FAILED;
                }
                ReadyFlag ready = ReadyFlag.read(page);
                boolean quiet = networkIdle(page, activity);
                if (ready == ReadyFlag.READY || (ready == ReadyFlag.UNDEFINED && quiet)) {
                    return Wait.DONE;
                }
                if (ready == ReadyFlag.WAITING && noJobsPending(page) && activity.idleFor(settings.networkIdle())) {
                    return Wait.STALLED;
                }
                Duration left = job.remaining();
                activity.awaitChange(left.compareTo(ReadyFlag.POLL) < 0 ? left : ReadyFlag.POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Wait.TIMED_OUT;
    }

    /**
     * Idle when nothing is in flight and either no script job is pending at all (nothing can start a request any
     * more, so waiting out the quiet period would only add latency) or nothing happened for the quiet period.
     */
    private boolean networkIdle(HtmlPage page, NetworkActivity activity) {
        if (!activity.idleFor(Duration.ZERO)) {
            return false;
        }
        return noJobsPending(page) || activity.idleFor(settings.networkIdle());
    }

    private static boolean noJobsPending(HtmlPage page) {
        return page.getEnclosingWindow().getJobManager().getJobCount() == 0;
    }

    /** How waiting for a page ended. */
    private enum Wait {
        DONE, TIMED_OUT, SCRIPT_FAILED, STALLED;

        RenderOutcome.Failed failure(int timeoutStatus, ScriptErrorLog errors) {
            List<String> messages = errors.messages();
            String detail = messages.isEmpty() ? "" : HtmlUnitValidation.clip(messages.get(0));
            return switch (this) {
                case TIMED_OUT -> new RenderOutcome.Failed(timeoutStatus, FailureReason.TIMEOUT, detail, NAME);
                case SCRIPT_FAILED -> new RenderOutcome.Failed(502,
                        errors.syntaxError() ? FailureReason.UNSUPPORTED_JS : FailureReason.SCRIPT_ERROR, detail, NAME);
                case STALLED -> new RenderOutcome.Failed(502, FailureReason.STALLED,
                        "prerenderReady still false, nothing loading, no timer pending", NAME);
                case DONE -> throw new IllegalStateException("not a failure");
            };
        }
    }

    private RenderOutcome.Rendered rendered(String html, int status, Map<String, String> headers, HtmlUnitClient client,
                                            RenderJob job) {
        List<String> errors = client.errors().messages();
        return new RenderOutcome.Rendered(html, status, headers, job.url(), errors, NAME);
    }

    private static Map<String, String> originHeaders(WebResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (NameValuePair h : response.getResponseHeaders()) {
            if (HeaderPolicy.fromOrigin(h.getName()) && !h.getName().equalsIgnoreCase("Location")) {
                headers.put(PageSignals.canonical(h.getName()), h.getValue());
            }
        }
        return headers;
    }

    private static String serialise(HtmlPage page) {
        String doctype = page.getDoctype() == null ? "" : doctype(page.getDoctype());
        try {
            Object outer = page.executeJavaScript("document.documentElement.outerHTML").getJavaScriptResult();
            return doctype + outer;
        } catch (RuntimeException e) {
            LOG.debug("event=serialise-fallback error={}", e.toString());
            return doctype + page.getDocumentElement().asXml();
        }
    }

    private static String doctype(org.w3c.dom.DocumentType type) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE ").append(type.getName());
        if (type.getPublicId() != null && !type.getPublicId().isEmpty()) {
            sb.append(" PUBLIC \"").append(type.getPublicId()).append('"');
            if (type.getSystemId() != null && !type.getSystemId().isEmpty()) {
                sb.append(" \"").append(type.getSystemId()).append('"');
            }
        }
        return sb.append(">").toString();
    }

    @Override
    public void abort() {
        HtmlUnitClient c = current;
        if (c != null) {
            c.close();
        }
    }

    /** Closes the render in progress, if any; the client of each render is closed when it ends. */
    @Override
    public void close() {
        abort();
    }

    /** Reading {@code window.prerenderReady} without running script (safe while page scripts run). */
    private enum ReadyFlag {
        UNDEFINED, WAITING, READY;
        static final Duration POLL = Duration.ofMillis(50);

        static ReadyFlag read(HtmlPage page) {
            Object window = page.getEnclosingWindow().getScriptableObject();
            if (!(window instanceof org.htmlunit.corejs.javascript.Scriptable scope)) {
                return UNDEFINED;
            }
            Object v = org.htmlunit.corejs.javascript.ScriptableObject.getProperty(scope, "prerenderReady");
            if (v == org.htmlunit.corejs.javascript.Scriptable.NOT_FOUND
                    || v instanceof org.htmlunit.corejs.javascript.Undefined) {
                return UNDEFINED;
            }
            return Boolean.TRUE.equals(v) ? READY : WAITING;
        }
    }

    static WebRequest request(java.net.URL url) {
        WebRequest r = new WebRequest(url);
        r.setAdditionalHeader(DeviceProfile.PRERENDER_HEADER, "1");
        return r;
    }
}
