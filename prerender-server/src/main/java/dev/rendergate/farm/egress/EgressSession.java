package dev.rendergate.farm.egress;

import dev.rendergate.farm.guard.AddressGuard;
import dev.rendergate.farm.guard.UrlGuard;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The egress proxy's listener for one render: its own port on loopback, so every connection to it belongs to that
 * render and is counted against that render's limits. Refuses everything until {@link #arm armed}; from the render's
 * deadline on, and once closed, nothing gets through and every open connection is cut.
 */
public final class EgressSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EgressSession.class);
    private static final int MAX_REQUEST_HEAD = 16 * 1024;
    private static final int MAX_RESPONSE_HEAD = 64 * 1024;
    private static final int MAX_RECORDED_REFUSALS = 64;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** How long a request head may take to arrive on a session that is not rendering (it is refused anyway). */
    private static final int IDLE_READ_MS = 5_000;
    private static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);
    private static final byte[] TUNNEL_OPEN = "HTTP/1.1 200 Connection established\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final EgressProxy proxy;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clients = new AtomicInteger();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String page = "-";
    private volatile long deadlineNanos;
    private volatile boolean armed;
    private volatile String limitReached;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> expiry;

    EgressSession(EgressProxy proxy) throws IOException {
        this.proxy = proxy;
        this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    }

    /** The port engines send this render's requests to, on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** This session as a proxy address, {@code http://127.0.0.1:port}. */
    public String proxyServer() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Opens the session for the render of {@code url}, which ends {@code budget} from now. Its connections are cut a
     * second later: the engine's own timeout fires first and reports the render as timed out; this is the backstop.
     */
    public void arm(URI url, Duration budget) {
        Duration cutAfter = budget.plus(DEADLINE_GRACE);
        page = url.toString();
        deadlineNanos = System.nanoTime() + cutAfter.toNanos();
        armed = true;
        expiry = proxy.schedule(this::expire, cutAfter);
    }

    /**
     * Throws when the render cannot be trusted to show its page: the page's own address was refused, or the render
     * went past a limit (some of its requests were cut, so the page may be partial).
     *
     * @throws EgressRefusedException naming the reason
     */
    public void requireComplete(URI url) {
        String limit = limitReached;
        if (limit != null) {
            throw new EgressRefusedException(limit, true);
        }
        Optional<String> refused = refusal(url.getHost(), UrlGuard.effectivePort(url));
        if (refused.isPresent()) {
            throw new EgressRefusedException(refused.get(), false);
        }
    }

    /** Why requests to {@code host:port} were refused during this render, or empty when none was. */
    public Optional<String> refusal(String host, int port) {
        return Optional.ofNullable(refusals.get(host.toLowerCase(Locale.ROOT) + ":" + port));
    }

    /** True when a connection to {@code host:port} was allowed during this render but could not be made. */
    public boolean unreachable(String host, int port) {
        return unreachable.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** Requests (plain requests and tunnels) this render made. */
    public int requests() {
        return requests.get();
    }

    /** Bytes relayed for this render, both directions. */
    public long bytes() {
        return bytes.get();
    }

    /** Stops listening and cuts every connection of the render. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> timer = expiry;
        if (timer != null) {
            timer.cancel(false);
        }
        quietly(listener);
        cutAll();
        proxy.forget(this);
    }

    void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                proxy.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                refuseQuietly(client, "egress-busy");
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        clients.incrementAndGet();
        Socket upstream = null;
        try {
            if (closed) {
                return;
            }
            client.setTcpNoDelay(true);
            client.setSoTimeout(readTimeoutMillis());
            InputStream in = new BufferedInputStream(client.getInputStream(), 8192);
            OutputStream out = client.getOutputStream();
            MessageHead head;
            ProxyTarget target;
            try {
                head = MessageHead.read(in, MAX_REQUEST_HEAD);
                if (head == null) {
                    return;
                }
                target = ProxyTarget.of(head);
            } catch (MessageHead.MalformedHeadException e) {
                answer(out, 400, "Bad Request", e.getMessage(), null);
                return;
            } catch (ProxyTarget.UnsupportedRequestException e) {
                answer(out, e.status(), "Bad Request", e.getMessage(), null);
                return;
            }
            String kind = target.tunnel() ? "connect" : "http";
            AddressGuard.Checked checked = admit(target, client);
            if (checked.refusal().isPresent()) {
                String reason = checked.refusal().get();
                record(target, kind, reason);
                answer(out, 403, "Forbidden", "refused by the farm's egress proxy: " + reason, reason);
                return;
            }
            upstream = connect(checked, target.port());
            if (upstream == null) {
                // Closed without an answer, so the engine sees what it would without a proxy: a connection that
                // failed (an origin that is down), not a page with a status.
                proxy.metrics().egressRequest(kind, "unreachable");
                if (unreachable.size() < MAX_RECORDED_REFUSALS) {
                    unreachable.add(target.authority());
                }
                return;
            }
            proxy.metrics().egressRequest(kind, "forwarded");
            relay(target, head, in, client, upstream);
        } catch (IOException | RejectedExecutionException e) {
            LOG.debug("event=egress-connection-ended page={} error={}", page, e.toString());
        } finally {
            clients.decrementAndGet();
            quietly(client);
            open.remove(client);
            if (upstream != null) {
                quietly(upstream);
                open.remove(upstream);
            }
        }
    }

    /** Decides one request: refused outside a render, past a limit or by the policy; else the checked addresses. */
    private AddressGuard.Checked admit(ProxyTarget target, Socket client) {
        if (!armed || closed) {
            return AddressGuard.Checked.refused("no-render");
        }
        if (limitReached != null) {
            return AddressGuard.Checked.refused(limitReached);
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            return AddressGuard.Checked.refused("limit:deadline");
        }
        if (requests.incrementAndGet() > proxy.limits().maxRequests()) {
            return reach("limit:requests", client);
        }
        if (clients.get() > proxy.limits().maxConnections()) {
            return reach("limit:connections", client);
        }
        return proxy.policy().check(target);
    }

    /** Marks the render incomplete and cuts its connections, all but {@code spare} (which is told why), if any. */
    private AddressGuard.Checked reach(String limit, Socket spare) {
        if (limitReached == null) {
            limitReached = limit;
            LOG.atWarn().addKeyValue("event", "egress-limit").addKeyValue("page", page).addKeyValue("limit", limit)
                    .addKeyValue("requests", requests.get()).addKeyValue("bytes", bytes.get())
                    .log("render of {} reached its egress {}; its connections are cut", page, limit);
            proxy.metrics().egressRefused(limit);
            for (Socket s : open) {
                if (s != spare) {
                    quietly(s);
                }
            }
        }
        return AddressGuard.Checked.refused(limit);
    }

    private void record(ProxyTarget target, String kind, String reason) {
        proxy.metrics().egressRequest(kind, "refused");
        if (reason.startsWith("limit:")) {
            return; // counted and logged once, when reached
        }
        proxy.metrics().egressRefused(reason);
        if (refusals.size() < MAX_RECORDED_REFUSALS && refusals.putIfAbsent(target.authority(), reason) == null) {
            LOG.atInfo().addKeyValue("event", "egress-refused").addKeyValue("page", page)
                    .addKeyValue("target", target.authority()).addKeyValue("kind", kind).addKeyValue("reason", reason)
                    .log("egress proxy refused {} ({}) for the render of {}: {}", target.authority(), kind, page, reason);
        }
    }

    /** Connects to the first checked address that answers; never resolves the name again. */
    private Socket connect(AddressGuard.Checked checked, int port) {
        for (InetAddress address : checked.addresses()) {
            int timeout = Math.min(CONNECT_TIMEOUT_MS, readTimeoutMillis());
            Socket socket = new Socket();
            open.add(socket);
            try {
                socket.connect(new InetSocketAddress(address, port), timeout);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(readTimeoutMillis());
                if (closed) {
                    throw new IOException("the render ended");
                }
                return socket;
            } catch (IOException e) {
                quietly(socket);
                open.remove(socket);
                if (closed || System.nanoTime() - deadlineNanos >= 0) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Carries one exchange: a tunnel's bytes both ways, or a plain request (head rewritten to origin form) and its
     * response (head rewritten to close the connection after it). Client-to-origin runs on a second thread.
     */
    private void relay(ProxyTarget target, MessageHead head, InputStream in, Socket client, Socket upstream)
            throws IOException {
        OutputStream out = client.getOutputStream();
        OutputStream toOrigin = upstream.getOutputStream();
        if (target.tunnel()) {
            out.write(TUNNEL_OPEN);
            out.flush();
        } else {
            byte[] request = head.forNextHop(target.requestLine());
            count(request.length);
            toOrigin.write(request);
            toOrigin.flush();
        }
        proxy.execute(() -> {
            try {
                pump(in, toOrigin);
                upstream.shutdownOutput();
            } catch (IOException e) {
                quietly(upstream); // the client went away: so does the origin connection
            }
        });
        InputStream fromOrigin = upstream.getInputStream();
        if (!target.tunnel()) {
            fromOrigin = new BufferedInputStream(fromOrigin, 8192);
            MessageHead response = MessageHead.read(fromOrigin, MAX_RESPONSE_HEAD);
            if (response == null) {
                return;
            }
            byte[] rewritten = response.forNextHop(response.startLine());
            count(rewritten.length);
            out.write(rewritten);
        }
        pump(fromOrigin, out);
    }

    private void pump(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = from.read(buffer)) >= 0) {
            count(n);
            to.write(buffer, 0, n);
            to.flush();
        }
    }

    private void count(int n) throws IOException {
        proxy.metrics().egressBytes(n);
        if (bytes.addAndGet(n) > proxy.limits().maxBytes()) {
            reach("limit:bytes", null);
            throw new IOException("egress byte limit reached");
        }
    }

    private void expire() {
        if (!closed) {
            cutAll();
        }
    }

    private void cutAll() {
        for (Socket s : open) {
            quietly(s);
        }
    }

    private int readTimeoutMillis() {
        if (!armed) {
            return IDLE_READ_MS;
        }
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    private void refuseQuietly(Socket client, String reason) {
        proxy.metrics().egressRefused(reason);
        quietly(client);
    }

    private static void answer(OutputStream out, int status, String phrase, String message, String reason)
            throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\n"
                + (reason == null ? "" : EgressProxy.REFUSAL_HEADER + ": " + reason + "\r\n")
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket is gone either way
        }
    }
}
