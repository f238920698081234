package dev.rendergate.farm.render.chromium;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DevTools WebSocket to the browser, multiplexing flattened target sessions: calls are matched to
 * answers by id, events are routed to the sink registered for their session.
 */
final class CdpConnection implements WebSocket.Listener, AutoCloseable {
    /** Receives the events of one session; runs on the socket's reader thread, so it must not block. */
    interface EventSink {
        void onEvent(String method, Map<String, Object> params);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CdpConnection.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LEADING_ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final String BROWSER_SESSION = "";
    private static final long MAX_CALL_SECONDS = 300;

    private final int maxMessageChars;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Map<String, EventSink> sinks = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private final StringBuilder partial = new StringBuilder();
    private boolean oversized;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile String closedReason;

    private CdpConnection(int maxMessageChars) {
        this.maxMessageChars = maxMessageChars;
    }

    static CdpConnection open(URI endpoint, Duration timeout, int maxMessageChars) {
        CdpConnection connection = new CdpConnection(maxMessageChars);
        try {
            connection.socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(endpoint, connection)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChromiumException("interrupted while connecting to DevTools", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ChromiumException("cannot connect to DevTools at " + endpoint, e);
        }
    }

    boolean isOpen() {
        return closedReason == null;
    }

    void onEvents(String sessionId, EventSink sink) {
        sinks.put(sessionId == null ? BROWSER_SESSION : sessionId, sink);
    }

    void forget(String sessionId) {
        sinks.remove(sessionId);
    }

    /** Calls a method and waits for its answer; throws {@link CdpException} on error or timeout. */
    Map<String, Object> call(String sessionId, String method, Map<String, Object> params, Duration timeout) {
        CompletableFuture<Map<String, Object>> answer = send(sessionId, method, params);
        try {
            return answer.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new CdpException(method + " got no answer within " + timeout.toMillis() + " ms", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException(method + " interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new CdpException(method + " got no answer within " + MAX_CALL_SECONDS + " s", true);
            }
            throw cause instanceof CdpException ? (CdpException) cause : new CdpException(method + ": " + cause, false);
        }
    }

    /** Sends a call without waiting; the answer's future fails with {@link CdpException}. */
    CompletableFuture<Map<String, Object>> send(String sessionId, String method, Map<String, Object> params) {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        String reason = closedReason;
        if (reason != null) {
            answer.completeExceptionally(new CdpException("DevTools connection closed: " + reason, false));
            return answer;
        }
        long id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params == null ? Map.of() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        String json = JsonCodec.write(message);
        pending.put(id, answer);
        // A backstop so an answer that never comes cannot pin its entry: every call expires.
        answer.orTimeout(MAX_CALL_SECONDS, TimeUnit.SECONDS).whenComplete((r, e) -> pending.remove(id));
        synchronized (sendLock) {
            // The JDK WebSocket allows one outstanding send at a time, so sends are chained.
            sendChain = sendChain.handle((r, e) -> null)
                    .thenCompose(x -> socket.sendText(json, true))
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(new CdpException(method + " not sent: " + e, false));
                        }
                    });
        }
        return answer;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!oversized && partial.length() + data.length() > maxMessageChars) {
            oversized = true;
            partial.setLength(Math.min(partial.length(), 64));
        } else if (!oversized) {
            partial.append(data);
        }
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (oversized) {
                oversized = false;
                rejectOversized(text);
            } else {
                dispatch(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        shutDown("closed by browser (" + statusCode + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        shutDown("socket error: " + error);
    }

    @Override
    public void close() {
        shutDown("closed");
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private void shutDown(String reason) {
        if (closedReason == null) {
            closedReason = reason;
        }
        for (CompletableFuture<Map<String, Object>> answer : pending.values()) {
            answer.completeExceptionally(new CdpException("DevTools connection " + reason, false));
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String text) {
        Map<String, Object> message;
        try {
            message = (Map<String, Object>) JsonCodec.parse(text);
        } catch (RuntimeException e) {
            LOG.warn("unreadable DevTools message dropped: {}", e.getMessage());
            return;
        }
        Object id = message.get("id");
        if (id instanceof Long) {
            CompletableFuture<Map<String, Object>> answer = pending.get(id);
            if (answer == null) {
                return;
            }
            Object error = message.get("error");
            if (error instanceof Map) {
                answer.completeExceptionally(new CdpException(String.valueOf(((Map<?, ?>) error).get("message")), false));
            } else {
                Object result = message.get("result");
                answer.complete(result instanceof Map ? (Map<String, Object>) result : Map.of());
            }
            return;
        }
        Object session = message.get("sessionId");
        EventSink sink = sinks.get(session == null ? BROWSER_SESSION : (String) session);
        if (sink == null) {
            return;
        }
        Object params = message.get("params");
        try {
            sink.onEvent(String.valueOf(message.get("method")), params instanceof Map ? (Map<String, Object>) params : Map.of());
        } catch (RuntimeException e) {
            LOG.warn("DevTools event handler failed on {}", message.get("method"), e);
        }
    }

    private void rejectOversized(String prefix) {
        Matcher m = LEADING_ID.matcher(prefix);
        if (m.find()) {
            CompletableFuture<Map<String, Object>> answer = pending.get(Long.parseLong(m.group(1)));
            if (answer != null) {
                answer.completeExceptionally(new CdpException("answer larger than " + maxMessageChars + " characters", false));
            }
        }
        LOG.warn("DevTools message larger than {} characters dropped", maxMessageChars);
    }
}
