package dev.rendergate.farm.render;

import dev.rendergate.farm.egress.EgressSession;
import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Cache;
import org.htmlunit.Page;
import org.htmlunit.ProxyConfig;
import org.htmlunit.WebClient;
import org.htmlunit.WebClientOptions;
import org.htmlunit.corejs.javascript.Context;
import org.htmlunit.corejs.javascript.ContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured HtmlUnit {@link WebClient} for one render of one device profile, with its guard and error log.
 * It is made for a single render and closed after it: cookies, both storages, {@code window.name}, history and
 * every window and frame die with it, so no render can leave state for the next. Only HtmlUnit's {@link Cache}
 * (HTTP-cacheable responses and the scripts compiled from them) is shared, so scripts are not parsed again.
 */
final class HtmlUnitClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlUnitClient.class);
    private final WebClient web;
    private final GuardedConnection connection;
    private final ScriptErrorLog errors;
    private final DeviceProfile profile;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param egress the egress proxy's session every request of this client goes through */
    HtmlUnitClient(DeviceProfile profile, SubrequestPolicy policy, FarmMetrics metrics, Cache cache,
                   EgressSession egress) {
        this.profile = profile;
        GuardedWebClient client = new GuardedWebClient(new BrowserVersion.BrowserVersionBuilder(BrowserVersion.CHROME)
                .setUserAgent(profile.userAgent()).build());
        this.web = client;
        web.setCache(cache);
        configure(web.getOptions(), profile);
        // Every request, HTTPS (as CONNECT) included, goes through the farm's egress proxy: HtmlUnit never resolves
        // a page's host names itself, and has no bypass list.
        web.getOptions().setProxyConfig(new ProxyConfig("127.0.0.1", egress.port(), "http"));
        web.addRequestHeader(DeviceProfile.PRERENDER_HEADER, "1");
        // Dialogs must never block a render: alerts are dropped, confirm says yes, prompt answers nothing.
        web.setAlertHandler((page, message) -> { });
        web.setConfirmHandler((page, message) -> true);
        web.setPromptHandler((page, message, defaultValue) -> null);
        web.setRefreshHandler((page, url, seconds) -> { });
        web.setIncorrectnessListener((message, origin) -> { });
        this.connection = new GuardedConnection(web, policy, metrics, egress);
        client.guardWith(connection);
        this.errors = new ScriptErrorLog(connection);
        web.setJavaScriptErrorListener(errors);
        trackUnhandledRejections();
        sizeWindow();
    }

    /** Every script context records rejected promises nobody handled; each is a script error of the render. */
    private void trackUnhandledRejections() {
        web.getJavaScriptEngine().getContextFactory().addListener(new ContextFactory.Listener() {
            @Override
            public void contextCreated(Context cx) {
                cx.setTrackUnhandledPromiseRejections(true);
            }

            @Override
            public void contextReleased(Context cx) {
                cx.getUnhandledPromiseTracker().process(errors::unhandledRejection);
            }
        });
    }

    private static void configure(WebClientOptions o, DeviceProfile profile) {
        o.setJavaScriptEnabled(true);
        o.setCssEnabled(false);
        o.setDownloadImages(false);
        o.setThrowExceptionOnScriptError(false);
        o.setThrowExceptionOnFailingStatusCode(false);
        o.setPrintContentOnFailingStatusCode(false);
        o.setRedirectEnabled(true);
        o.setPopupBlockerEnabled(true);
        o.setWebSocketEnabled(false);
        o.setGeolocationEnabled(false);
        o.setFetchPolyfillEnabled(true);
        o.setHistorySizeLimit(1);
        o.setScreenWidth(profile.width());
        o.setScreenHeight(profile.height());
    }

    /** Loads the page; returns after the load event (scripts ran), before done detection. */
    Page load(URI uri, Duration budget) throws IOException {
        long ms = Math.max(1, budget.toMillis());
        web.setJavaScriptTimeout(ms);
        web.getOptions().setTimeout((int) Math.min(Integer.MAX_VALUE, ms));
        errors.clear();
        URL url = uri.toURL();
        connection.begin(url.toExternalForm());
        return web.getPage(HtmlUnitEngine.request(url));
    }

    /** Loads a tiny page with a script from memory (no network). */
    void warmUp() {
        try {
            web.loadHtmlCodeIntoCurrentWindow("<html><body><div id=\"app\"></div>"
                    + "<script>document.getElementById('app').textContent = 'warm';</script></body></html>");
        } catch (IOException | RuntimeException e) {
            LOG.debug("event=htmlunit-warm-up-failed error={}", e.toString());
        }
    }

    GuardedConnection connection() {
        return connection;
    }

    ScriptErrorLog errors() {
        return errors;
    }

    private void sizeWindow() {
        web.getCurrentWindow().setInnerWidth(profile.width());
        web.getCurrentWindow().setInnerHeight(profile.height());
        web.getCurrentWindow().setOuterWidth(profile.width());
        web.getCurrentWindow().setOuterHeight(profile.height());
    }

    /** Closes the client and everything it holds; safe to call again (an abort may race the render's end). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // WebClient.close() clears its cache: hand it a private one first, so the shared one survives.
            web.setCache(new Cache());
            web.close();
        }
    }
}
