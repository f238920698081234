package dev.rendergate.gateway.proxy;

import dev.rendergate.gateway.http.CrawlerAnswer;
import dev.rendergate.gateway.http.Exchange;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One crawler request relayed to the farm over a pooled connection on the viewer's event loop, its
 * answer streamed back part by part. A single deadline covers the call: before the response head it is
 * a failure for the caller's fallback; after it the viewer connection is cut, since a status already
 * sent cannot be taken back. A reused connection that turns out closed is retried once on a new one.
 * Every failure of the farm, before or during its answer, is reported to {@code errors} with its reason.
 */
final class FarmCall {

    private static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "date", "server");

    private enum State { WAITING, STREAMING, DONE }

    private final Exchange ex;
    private final EventLoop loop;
    private final FarmConnections connections;
    private final String hostHeader;
    private final String target;
    private final Map<String, String> farmHeaders;
    private final Consumer<HttpHeaders> decorate;
    private final Consumer<UpstreamFailure> onFailure;
    private final Consumer<String> errors;
    private final GenericFutureListener<Future<Void>> viewerClosed = f -> clientGone();
    private State state = State.WAITING;
    private Channel upstream;
    private boolean retried;
    private boolean upstreamKeepAlive;
    private ScheduledFuture<?> deadline;
    private int status;
    private long bytes;

    FarmCall(Exchange ex, FarmConnections connections, String hostHeader, String target, Map<String, String> farmHeaders,
             Consumer<HttpHeaders> decorate, Consumer<UpstreamFailure> onFailure, Consumer<String> errors) {
        this.ex = ex;
        this.loop = ex.ctx().channel().eventLoop();
        this.connections = connections;
        this.hostHeader = hostHeader;
        this.target = target;
        this.farmHeaders = farmHeaders;
        this.decorate = decorate;
        this.onFailure = onFailure;
        this.errors = errors;
    }

    void start(long timeoutNanos) {
        deadline = loop.schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
        ex.ctx().channel().closeFuture().addListener(viewerClosed);
        connect(false);
    }

    private void connect(boolean fresh) {
        connections.acquire(loop, fresh, this::send, error -> {
            if (state == State.WAITING) {
                fail(error instanceof ConnectException ? "farm-unreachable" : "farm-error");
            }
        });
    }

    private void send(Channel ch, boolean reused) {
        if (state != State.WAITING) {
            connections.release(ch);
            return;
        }
        upstream = ch;
        retried = retried || !reused;
        ch.attr(FarmConnections.CALL).set(this);
        ch.writeAndFlush(request()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                f.channel().close();
            }
        });
    }

    private FullHttpRequest request() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        HttpHeaders h = request.headers().set(HttpHeaderNames.HOST, hostHeader).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        farmHeaders.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                h.set(name, value);
            }
        });
        return request;
    }

    void onMessage(Object msg) {
        try {
            if (msg instanceof HttpResponse response && state == State.WAITING) {
                onHead(response);
            }
            if (msg instanceof HttpContent content && state == State.STREAMING) {
                onContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(HttpResponse response) {
        if (!response.decoderResult().isSuccess()) {
            fail("farm-error");
            return;
        }
        String reason = response.headers().get("X-Rendergate-Reason");
        // A reason marks the farm's own failure or refusal (a failed render, a wrong token, an origin not on its
        // allow-list); the page's own answers, its 404 included, never carry one. Neither kind is a crawler's page.
        if (response.status().code() >= 400 && reason != null) {
            fail(reason);
            return;
        }
        state = State.STREAMING;
        status = response.status().code();
        ex.farmAnswer(response.headers().get("X-Rendergate-Cache"), response.headers().get("X-Rendergate-Render-Ms"));
        ex.answeredBy(CrawlerAnswer.FARM);
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status());
        for (Map.Entry<String, String> header : response.headers()) {
            if (!NOT_COPIED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                head.headers().add(header.getKey(), header.getValue());
            }
        }
        if (!head.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        decorate.accept(head.headers());
        ex.ctx().write(ex.prepare(head));
    }

    private void onContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        int size = content.content().readableBytes();
        if (!ex.isHead()) {
            bytes += size;
        }
        Channel viewer = ex.ctx().channel();
        if (last) {
            Object part = ex.isHead() || size == 0 ? LastHttpContent.EMPTY_LAST_CONTENT
                    : new DefaultLastHttpContent(content.content().retain());
            ChannelFuture written = ex.ctx().writeAndFlush(part);
            done();
            if (upstreamKeepAlive) {
                connections.release(upstream);
            } else {
                FarmConnections.discard(upstream);
            }
            ex.finish(written, status, bytes);
            return;
        }
        if (ex.isHead() || size == 0) {
            return;
        }
        ChannelFuture written = ex.ctx().writeAndFlush(new DefaultHttpContent(content.content().retain()));
        if (!viewer.isWritable()) {
            // The viewer reads slower than the farm sends: stop reading the farm until this part is out.
            upstream.config().setAutoRead(false);
            Channel paused = upstream;
            written.addListener(f -> paused.config().setAutoRead(true));
        }
    }

    /** The farm connection closed before the response was complete. */
    void onUpstreamClosed() {
        if (state == State.WAITING) {
            if (!retried) {
                // A pooled connection the farm had already closed: one more try on a new one.
                retried = true;
                upstream = null;
                connect(true);
            } else {
                fail("farm-error");
            }
        } else if (state == State.STREAMING) {
            errors.accept("farm-error");
            cut();
        }
    }

    private void expire() {
        if (state == State.WAITING) {
            fail("farm-timeout");
        } else if (state == State.STREAMING) {
            errors.accept("farm-timeout");
            cut();
        }
    }

    private void done() {
        state = State.DONE;
        deadline.cancel(false);
        ex.ctx().channel().closeFuture().removeListener(viewerClosed);
    }

    private void fail(String reason) {
        errors.accept(reason);
        done();
        FarmConnections.discard(upstream);
        onFailure.accept(new UpstreamFailure(reason, 0));
    }

    /** The answer broke after its head was sent: the only honest signal left is closing the connection. */
    private void cut() {
        if (state == State.DONE) {
            return;
        }
        done();
        FarmConnections.discard(upstream);
        ex.closeAfterResponse();
        ex.finish(ex.ctx().close(), status, bytes);
    }

    private void clientGone() {
        if (state != State.DONE) {
            cut();
        }
    }
}
