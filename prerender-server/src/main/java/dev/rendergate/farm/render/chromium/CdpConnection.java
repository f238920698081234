package dev.rendergate.farm.render.chromium;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
 * The DevTools pipe to the browser ({@code --remote-debugging-pipe}: NUL-terminated JSON messages, ours on
 * its fd 3, its own on fd 4), multiplexing flattened target sessions: calls are matched to answers by id,
 * events are routed to the sink registered for their session. Nothing listens on a port, so no other
 * process on the machine can drive the browser.
 */
final class CdpConnection implements AutoCloseable {
    /** Receives the events of one session; runs on the pipe's reader thread, so it must not block. */
    interface EventSink {
        void onEvent(String method, Map<String, Object> params);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CdpConnection.class);
    private static final Pattern LEADING_ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final String BROWSER_SESSION = "";
    private static final long MAX_CALL_SECONDS = 300;
    private static final int MAX_QUEUED_SENDS = 4096;
    private static final byte[] STOP = new byte[0];

    private final int maxMessageBytes;
    private final CdpMessages messages;
    private final InputStream fromBrowser;
    private final OutputStream toBrowser;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Map<String, EventSink> sinks = new ConcurrentHashMap<>();
    private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(MAX_QUEUED_SENDS);
    private volatile String closedReason;

    private CdpConnection(InputStream fromBrowser, OutputStream toBrowser, int maxMessageBytes) {
        this.fromBrowser = fromBrowser;
        this.toBrowser = toBrowser;
        this.maxMessageBytes = maxMessageBytes;
        this.messages = new CdpMessages(maxMessageBytes);
    }

    /**
     * Starts reading and writing the pipe pair on two daemon threads named after {@code name}.
     *
     * @param fromBrowser the browser's fd 4
     * @param toBrowser the browser's fd 3
     */
    static CdpConnection open(InputStream fromBrowser, OutputStream toBrowser, int maxMessageBytes, String name) {
        CdpConnection connection = new CdpConnection(fromBrowser, toBrowser, maxMessageBytes);
        daemon(connection::readLoop, name + "-devtools-reader").start();
        daemon(connection::writeLoop, name + "-devtools-writer").start();
        return connection;
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

    /** Sends a call without waiting (the writer thread does); the answer's future fails with {@link CdpException}. */
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
        byte[] json = messages.write(message);
        pending.put(id, answer);
        // A backstop so an answer that never comes cannot pin its entry: every call expires.
        answer.orTimeout(MAX_CALL_SECONDS, TimeUnit.SECONDS).whenComplete((r, e) -> pending.remove(id));
        if (!outbox.offer(json)) {
            answer.completeExceptionally(new CdpException(method + " not sent: " + MAX_QUEUED_SENDS
                    + " messages already wait for the browser to read its pipe", false));
        }
        return answer;
    }

    @Override
    public void close() {
        shutDown("closed");
        outbox.clear();
        outbox.offer(STOP);
        // The reader ends by itself at end-of-file, once the browser process is gone.
        closeQuietly(toBrowser);
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] json = outbox.take();
                if (json == STOP) {
                    return;
                }
                toBrowser.write(json);
                toBrowser.write(0);
                toBrowser.flush();
            }
        } catch (IOException e) {
            shutDown("pipe to the browser failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits the stream at NUL bytes; a message over the limit is skipped (its caller told) and reading goes on. */
    private void readLoop() {
        MessageBuffer buffer = new MessageBuffer(maxMessageBytes);
        byte[] chunk = new byte[64 * 1024];
        try {
            int n;
            while ((n = fromBrowser.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == 0) {
                        buffer.append(chunk, start, i - start);
                        complete(buffer);
                        start = i + 1;
                    }
                }
                buffer.append(chunk, start, n - start);
            }
            shutDown("the browser closed its pipe");
        } catch (IOException e) {
            shutDown("pipe from the browser failed: " + e.getMessage());
        }
    }

    private void complete(MessageBuffer buffer) {
        if (buffer.oversized()) {
            rejectOversized(buffer.prefix());
        } else {
            dispatch(buffer);
        }
        buffer.reset();
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
    private void dispatch(MessageBuffer buffer) {
        Map<String, Object> message;
        try {
            message = messages.read(buffer.bytes(), buffer.length());
        } catch (IllegalArgumentException e) {
            LOG.warn("unreadable DevTools message dropped: {}", e.getMessage());
            return;
        }
        Object id = message.get("id");
        if (id instanceof Long) {
            answer(pending.get(id), message);
            return;
        }
        Object session = message.get("sessionId");
        EventSink sink = sinks.get(session == null ? BROWSER_SESSION : String.valueOf(session));
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

    @SuppressWarnings("unchecked")
    private static void answer(CompletableFuture<Map<String, Object>> answer, Map<String, Object> message) {
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
    }

    private void rejectOversized(String prefix) {
        Matcher m = LEADING_ID.matcher(prefix);
        if (m.find()) {
            CompletableFuture<Map<String, Object>> answer = pending.get(Long.parseLong(m.group(1)));
            if (answer != null) {
                answer.completeExceptionally(new CdpException("answer larger than " + maxMessageBytes + " bytes", false));
            }
        }
        LOG.warn("DevTools message larger than {} bytes dropped", maxMessageBytes);
    }

    private static Thread daemon(Runnable loop, String name) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the browser end is gone already; nothing left to release
        }
    }
}
