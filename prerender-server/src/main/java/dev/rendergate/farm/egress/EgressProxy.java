package dev.rendergate.farm.egress;

import dev.rendergate.farm.metrics.FarmMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The farm's forward proxy on loopback, the one path by which render engines reach the network. Chromium and
 * HtmlUnit are pointed at it for every request (plain HTTP, and {@code CONNECT} for HTTPS and WebSockets). It
 * resolves each name once, checks every answer with the farm's {@link EgressPolicy}, and connects to a checked
 * address only: an engine never resolves a name itself, so an answer that changes between check and fetch (DNS
 * rebinding) reaches nothing.
 *
 * <p>Each render gets a {@link EgressSession}: a listener of its own, so its traffic is bounded by
 * {@link EgressLimits} and its deadline. Anything outside a render (the browser's own traffic) goes to a listener
 * that refuses every request.
 *
 * <p>Built on the JDK's blocking sockets, two threads per open connection: a render makes a few dozen connections,
 * all on loopback to here, so a thread each is cheap and keeps the code a plain read-check-connect-copy sequence
 * that can be audited in one sitting, with no dependency added.
 */
public final class EgressProxy implements AutoCloseable {
    /** The header on a refusal, naming the reason ({@code private-address:loopback}, {@code origin-not-allowed}). */
    public static final String REFUSAL_HEADER = "X-Rendergate-Egress-Refused";
    private static final int MAX_THREADS = 1024;

    private final EgressPolicy policy;
    private final EgressLimits limits;
    private final FarmMetrics metrics;
    private final ThreadPoolExecutor threads;
    private final ScheduledExecutorService timers;
    private final Set<EgressSession> sessions = ConcurrentHashMap.newKeySet();
    private final EgressSession refuseAll;

    public EgressProxy(EgressPolicy policy, EgressLimits limits, FarmMetrics metrics) {
        this.policy = policy;
        this.limits = limits;
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "rendergate-egress-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rendergate-egress-deadlines");
            t.setDaemon(true);
            return t;
        });
        metrics.egressSessions(sessions::size);
        this.refuseAll = open();
    }

    /** A session for a render that has not started: it refuses everything until {@link EgressSession#arm armed}. */
    public EgressSession open() {
        EgressSession session;
        try {
            session = new EgressSession(this);
        } catch (IOException e) {
            throw new UncheckedIOException("the egress proxy cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
        sessions.add(session);
        try {
            threads.execute(session::acceptLoop);
        } catch (RejectedExecutionException e) {
            session.close();
            throw new IllegalStateException("the egress proxy is closed or out of threads", e);
        }
        return session;
    }

    /** A session for the render of {@code url}, armed now with its budget. */
    public EgressSession open(URI url, Duration budget) {
        EgressSession session = open();
        session.arm(url, budget);
        return session;
    }

    /** The listener that refuses every request, for a client outside any render (a browser's own traffic). */
    public EgressSession refuseAll() {
        return refuseAll;
    }

    /**
     * The flags that send all of a Chromium's traffic here: the listener that refuses everything for the browser's
     * own, loopback included (Chromium otherwise sends loopback past a proxy); renders override it per browser
     * context with their session.
     */
    public List<String> chromiumFlags() {
        return List.of("--proxy-server=" + refuseAll.proxyServer(), "--proxy-bypass-list=" + CHROMIUM_NO_BYPASS);
    }

    /** Chromium's bypass rule that removes its implicit bypass of loopback addresses: nothing goes around the proxy. */
    public static final String CHROMIUM_NO_BYPASS = "<-loopback>";

    EgressPolicy policy() {
        return policy;
    }

    EgressLimits limits() {
        return limits;
    }

    FarmMetrics metrics() {
        return metrics;
    }

    void execute(Runnable task) {
        threads.execute(task);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timers.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    void forget(EgressSession session) {
        sessions.remove(session);
    }

    /** Closes every session (cutting their connections) and stops the proxy's threads. */
    @Override
    public void close() {
        for (EgressSession s : List.copyOf(sessions)) {
            s.close();
        }
        timers.shutdownNow();
        threads.shutdownNow();
    }
}
