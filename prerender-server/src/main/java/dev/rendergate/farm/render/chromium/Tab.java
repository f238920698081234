package dev.rendergate.farm.render.chromium;

import dev.rendergate.edge.detect.Device;
import dev.rendergate.farm.egress.EgressProxy;
import dev.rendergate.farm.egress.EgressSession;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One pre-opened page target in a browser context of its own, attached over a flattened session with its
 * domains enabled, for exactly one render: it is closed with its context afterwards, so no state of one render
 * (cookies, storages, IndexedDB, Cache Storage, service workers, {@code window.name}, history) reaches another.
 */
final class Tab {
    private static final Map<String, Object> AUTO_ATTACH =
            Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true);
    private final CdpConnection cdp;
    private final ChromiumOptions options;
    private final String contextId;
    private final String targetId;
    private final String sessionId;
    private final RequestGate gate;
    private final EgressSession egress;
    private volatile PageLoad load;
    private volatile Predicate<URI> allow = uri -> false;
    private final String chromeMajor;
    private Device emulated;

    private Tab(CdpConnection cdp, ChromiumOptions options, String contextId, String targetId, String sessionId,
                Executor checks, String chromeMajor, EgressSession egress) {
        this.cdp = cdp;
        this.egress = egress;
        this.chromeMajor = chromeMajor;
        this.options = options;
        this.contextId = contextId;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.gate = new RequestGate(cdp, sessionId, checks);
    }

    /**
     * Opens a tab in a fresh browser context whose every request (WebSockets and HTTPS tunnels included, loopback
     * not bypassed) goes through an egress session of its own, armed when the tab's one render starts.
     */
    static Tab open(CdpConnection cdp, ChromiumOptions options, Executor checks, String chromeMajor, EgressProxy proxy) {
        Duration t = options.callTimeout();
        EgressSession egress = proxy.open();
        try {
            String context = (String) cdp.call(null, "Target.createBrowserContext", Map.of("disposeOnDetach", true,
                    "proxyServer", egress.proxyServer(), "proxyBypassList", EgressProxy.CHROMIUM_NO_BYPASS), t)
                    .get("browserContextId");
            String target = (String) cdp.call(null, "Target.createTarget",
                    Map.of("url", "about:blank", "browserContextId", context), t).get("targetId");
            String session = (String) cdp.call(null, "Target.attachToTarget",
                    Map.of("targetId", target, "flatten", true), t).get("sessionId");
            Tab tab = new Tab(cdp, options, context, target, session, checks, chromeMajor, egress);
            cdp.onEvents(session, tab::onEvent);
            tab.enableDomains();
            return tab;
        } catch (RuntimeException e) {
            egress.close();
            throw e;
        }
    }

    private void enableDomains() {
        List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
        calls.add(cdp.send(sessionId, "Page.enable", Map.of()));
        calls.add(cdp.send(sessionId, "Page.setLifecycleEventsEnabled", Map.of("enabled", true)));
        calls.add(cdp.send(sessionId, "Runtime.enable", Map.of()));
        calls.add(cdp.send(sessionId, "Network.enable",
                Map.of("maxTotalBufferSize", 1 << 20, "maxResourceBufferSize", 1 << 18)));
        calls.add(cdp.send(sessionId, "Network.setBypassServiceWorker", Map.of("bypass", true)));
        calls.add(cdp.send(sessionId, "Fetch.enable", Map.of("patterns", RequestGate.patterns())));
        calls.add(cdp.send(sessionId, "Target.setAutoAttach", AUTO_ATTACH));
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
                .orTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Runs one render; see {@link PageRender} for the steps. */
    PageRender.Outcome render(URI url, Device device, long startNanos, long deadlineNanos, Predicate<URI> allowRequest) {
        PageLoad current = new PageLoad(targetId);
        allow = allowRequest;
        load = current;
        egress.arm(url, Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        try {
            emulate(device);
            PageRender.Outcome outcome = new PageRender(cdp, sessionId, options, current).run(url, startNanos, deadlineNanos);
            egress.requireComplete(url);
            return outcome;
        } finally {
            load = null;
        }
    }

    /** Closes the target and disposes its context; best effort, bounded by the call timeout. */
    void close() {
        egress.close();
        cdp.forget(sessionId);
        Duration t = options.callTimeout();
        try {
            cdp.call(null, "Target.closeTarget", Map.of("targetId", targetId), t);
        } catch (CdpException ignored) {
            // disposing the context below closes it as well
        }
        try {
            cdp.call(null, "Target.disposeBrowserContext", Map.of("browserContextId", contextId), t);
        } catch (CdpException ignored) {
            // the browser may be gone; its process is killed separately
        }
    }

    /**
     * Out-of-process frames and workers are targets of their own whose requests the page's interception
     * never sees; each is held at start, gets the same gate, and only then runs.
     */
    private void guardChild(Map<String, Object> params) {
        String child = String.valueOf(params.get("sessionId"));
        RequestGate childGate = new RequestGate(cdp, child, gate.checks());
        cdp.onEvents(child, (method, p) -> {
            if ("Fetch.requestPaused".equals(method)) {
                childGate.onPaused(p, load, allow);
            } else if ("Target.attachedToTarget".equals(method)) {
                guardChild(p);
            }
        });
        cdp.send(child, "Fetch.enable", Map.of("patterns", RequestGate.patterns()));
        cdp.send(child, "Target.setAutoAttach", AUTO_ATTACH);
        cdp.send(child, "Runtime.runIfWaitingForDebugger", Map.of());
    }

    private void emulate(Device device) {
        if (device == emulated) {
            return;
        }
        DeviceProfile profile = DeviceProfile.of(device, chromeMajor);
        Duration t = options.callTimeout();
        CompletableFuture.allOf(
                cdp.send(sessionId, "Emulation.setDeviceMetricsOverride", profile.metrics()),
                cdp.send(sessionId, "Emulation.setTouchEmulationEnabled", Map.of("enabled", profile.mobile())),
                cdp.send(sessionId, "Network.setUserAgentOverride", profile.userAgentOverride()))
                .orTimeout(t.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        emulated = device;
    }

    private void onEvent(String method, Map<String, Object> params) {
        PageLoad current = load;
        switch (method) {
            case "Fetch.requestPaused":
                gate.onPaused(params, current, allow);
                return;
            case "Target.attachedToTarget":
                guardChild(params);
                return;
            case "Target.detachedFromTarget":
                cdp.forget(String.valueOf(params.get("sessionId")));
                return;
            case "Page.javascriptDialogOpening":
                // An open dialog blocks the page's main thread, and so every later call: dismiss at once.
                cdp.send(sessionId, "Page.handleJavaScriptDialog", Map.of("accept", false));
                return;
            default:
                if (current != null) {
                    PageEvents.apply(method, params, current);
                }
        }
    }
}
