package dev.rendergate.farm.render.chromium;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the events of one render said so far: requests in flight and when the network last moved,
 * whether the main document reached DOMContentLoaded, its response status and headers, and the page's
 * errors. Written by the socket thread, read by the rendering thread; every method is synchronized and
 * state changes wake a waiting renderer early.
 */
final class PageLoad {
    private static final int MAX_ERRORS = 50;
    private static final int MAX_ERROR_CHARS = 500;
    private static final Set<String> LONG_LIVED = Set.of("EventSource", "WebSocket");

    private final String mainFrameId;
    private static final int MAX_URL_CHARS = 200;
    /** Requests in flight: request id → URL (for the log line of a render that timed out). */
    private final Map<String, String> inFlight = new HashMap<>();
    /** Requests in flight whose response head arrived (a body a page never reads is never "finished"). */
    private final Set<String> answered = new HashSet<>();
    private final Set<String> contentLoaded = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private long lastNetworkNanos = System.nanoTime();
    private String loaderId;
    private int status;
    private Map<String, String> headers = Map.of();
    private boolean redirectStopped;
    private boolean crashed;

    PageLoad(String mainFrameId) {
        this.mainFrameId = mainFrameId;
    }

    String mainFrameId() {
        return mainFrameId;
    }

    synchronized void navigationStarted(String loader) {
        if (loader != null && !loader.isEmpty()) {
            loaderId = loader;
        }
    }

    synchronized void requestStarted(String requestId, String type, String url, boolean redirect) {
        if (!redirect && !LONG_LIVED.contains(type)) {
            inFlight.put(requestId, url.length() > MAX_URL_CHARS ? url.substring(0, MAX_URL_CHARS) + "…" : url);
        }
        moved();
    }

    synchronized void requestEnded(String requestId) {
        inFlight.remove(requestId);
        answered.remove(requestId);
        moved();
    }

    /** A response head arrived: the request no longer waits on the server. */
    synchronized void responseReceived(String requestId) {
        if (inFlight.containsKey(requestId)) {
            answered.add(requestId);
        }
        moved();
    }

    /** Body bytes arrived for a request: the network is still moving. */
    synchronized void dataReceived() {
        moved();
    }

    synchronized void frameNavigated(String frameId, String loader) {
        if (mainFrameId.equals(frameId) && loader != null) {
            loaderId = loader;
        }
        moved();
    }

    synchronized void lifecycle(String frameId, String loader, String name) {
        if (mainFrameId.equals(frameId) && "DOMContentLoaded".equals(name)) {
            contentLoaded.add(loader);
            notifyAll();
        }
    }

    /** The main document's response (the last one, after any client-side navigation). */
    synchronized void mainResponse(int code, Map<String, String> responseHeaders, boolean stoppedAtRedirect) {
        status = code;
        headers = lowerCaseKeys(responseHeaders);
        redirectStopped |= stoppedAtRedirect;
        notifyAll();
    }

    synchronized void crashed() {
        crashed = true;
        error("renderer crashed");
    }

    synchronized void error(String message) {
        if (errors.size() < MAX_ERRORS && message != null) {
            errors.add(message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message);
        }
    }

    /** What is still loading, e.g. {@code 2 requests: https://…/a.js, https://…/b.json}, or empty. */
    synchronized String stillLoading() {
        if (answered.size() == inFlight.size()) {
            return "";
        }
        List<String> waiting = inFlight.entrySet().stream().filter(e -> !answered.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return waiting.size() + (waiting.size() == 1 ? " request" : " requests") + " still loading: "
                + String.join(", ", waiting.stream().limit(3).toList());
    }

    synchronized boolean domContentLoaded() {
        return loaderId != null && contentLoaded.contains(loaderId);
    }

    /**
     * True when nothing waits on a server and nothing moved for {@code quietNanos}. A request whose response head
     * arrived counts as done once its bytes stop coming: Chromium never reports a response body the page leaves
     * unread (a 404 an app checks by status alone) as finished.
     */
    synchronized boolean networkIdleFor(long quietNanos) {
        return answered.size() == inFlight.size() && System.nanoTime() - lastNetworkNanos >= quietNanos;
    }

    synchronized boolean finishedEarly() {
        return redirectStopped || crashed;
    }

    synchronized boolean crashedRenderer() {
        return crashed;
    }

    synchronized int status() {
        return status;
    }

    synchronized Map<String, String> headers() {
        return headers;
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Waits until some event arrives or the interval passes, whichever is first. */
    synchronized void awaitActivity(long nanos) throws InterruptedException {
        if (nanos > 0) {
            wait(Math.max(1, nanos / 1_000_000));
        }
    }

    private void moved() {
        lastNetworkNanos = System.nanoTime();
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + ", " + b));
        return out;
    }
}
