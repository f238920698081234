package dev.rendergate.farm.render;

import dev.rendergate.farm.guard.SubrequestPolicy;
import dev.rendergate.farm.metrics.FarmMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebClientOptions;
import org.htmlunit.corejs.javascript.Context;
import org.htmlunit.corejs.javascript.ContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One configured HtmlUnit {@link WebClient} for one device profile, with its guard and error log. */
final class HtmlUnitClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlUnitClient.class);
    private final WebClient web;
    private final GuardedConnection connection;
    private final ScriptErrorLog errors;
    private final DeviceProfile profile;

    HtmlUnitClient(DeviceProfile profile, SubrequestPolicy policy, FarmMetrics metrics) {
        this.profile = profile;
        this.web = new WebClient(new BrowserVersion.BrowserVersionBuilder(BrowserVersion.CHROME)
                .setUserAgent(profile.userAgent()).build());
        configure(web.getOptions(), profile);
        web.addRequestHeader(DeviceProfile.PRERENDER_HEADER, "1");
        // Dialogs must never block a render: alerts are dropped, confirm says yes, prompt answers nothing.
        web.setAlertHandler((page, message) -> { });
        web.setConfirmHandler((page, message) -> true);
        web.setPromptHandler((page, message, defaultValue) -> null);
        web.setRefreshHandler((page, url, seconds) -> { });
        web.setIncorrectnessListener((message, origin) -> { });
        this.connection = new GuardedConnection(web, policy, metrics);
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

    /** Loads a tiny page with a script from memory (no network), then resets. */
    void warmUp() {
        try {
            web.loadHtmlCodeIntoCurrentWindow("<html><body><div id=\"app\"></div>"
                    + "<script>document.getElementById('app').textContent = 'warm';</script></body></html>");
            web.getPage("about:blank");
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

    /** Leaves the client as new: scripts stopped, extra windows closed, blank page, no cookies or storage. */
    void reset(URI lastUrl) {
        try {
            web.getCurrentWindow().getJobManager().removeAllJobs();
            HtmlUnitEngine.closeExtraWindows(web);
            web.getPage("about:blank");
            web.getCookieManager().clearCookies();
            web.getStorageHolder().getLocalStorage(lastUrl.toURL()).clear();
            sizeWindow();
        } catch (IOException | RuntimeException e) {
            LOG.debug("event=htmlunit-reset-failed error={}", e.toString());
        }
    }

    private void sizeWindow() {
        web.getCurrentWindow().setInnerWidth(profile.width());
        web.getCurrentWindow().setInnerHeight(profile.height());
        web.getCurrentWindow().setOuterWidth(profile.width());
        web.getCurrentWindow().setOuterHeight(profile.height());
    }

    @Override
    public void close() {
        web.close();
    }
}
