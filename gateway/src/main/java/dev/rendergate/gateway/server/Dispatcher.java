package dev.rendergate.gateway.server;

import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.log.AccessLog;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per connection: turns each aggregated request into an {@link Exchange}, hands it to the
 * {@link Handler}, and answers requests strictly in order. A pipelined request that arrives while an
 * asynchronous answer (a render) is pending waits in a small queue bounded by count and body bytes; when it is full
 * the connection stops reading (TCP holds the client back), and a request decoded beyond it anyway (several in one
 * read) is answered in its turn with 503 {@code pipeline-full} and the connection closes. Real clients do not
 * pipeline (browsers never shipped it, curl removed it); the queue is for tools that do.
 */
final class Dispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String REASON = "X-Rendergate-Reason";
    /** A refusal for load (budget, connections, pipeline) is short-lived: worth a retry soon. */
    private static final int RETRY_AFTER_SECONDS = 1;

    private final Handler handler;
    private final InFlight inFlight;
    private final GatewayMetrics metrics;
    private final BooleanSupplier draining;
    private final BodyBudget.Account bodies;
    private final int maxQueued;
    private final int maxQueuedBytes;
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    private int queuedBytes;
    private boolean overflowed;
    private Exchange current;
    private int currentBodyBytes;

    /** {@code bodies}: the connection's share of the body budget, given back as each request is answered. */
    Dispatcher(Handler handler, Bookkeeping books, BooleanSupplier draining, BodyBudget.Account bodies,
               int maxQueued, int maxQueuedBytes) {
        this.handler = handler;
        this.inFlight = books.inFlight();
        this.metrics = books.metrics();
        this.draining = draining;
        this.bodies = bodies;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** True while no request is being answered (drain closes such connections at once). */
    boolean idle() {
        return current == null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (overflowed) {
            request.release();
        } else if (current == null) {
            start(ctx, request);
        } else {
            enqueue(ctx, request);
        }
    }

    private void enqueue(ChannelHandlerContext ctx, FullHttpRequest request) {
        int body = request.content().readableBytes();
        if (queued.size() < maxQueued && queuedBytes + body <= maxQueuedBytes) {
            queued.add(request);
            queuedBytes += body;
            if (queued.size() >= maxQueued || queuedBytes >= maxQueuedBytes) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        // Its place in the order is kept by a bodiless stand-in that is answered 503; nothing after it is read.
        overflowed = true;
        ctx.channel().config().setAutoRead(false);
        BodyGate gate = ctx.pipeline().get(BodyGate.class);
        if (gate != null) {
            gate.stopReading();
        }
        DefaultFullHttpRequest standIn = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER);
        standIn.setDecoderResult(DecoderResult.failure(Refusal.PIPELINE_FULL.asCause()));
        request.release();
        queued.add(standIn);
    }

    private void start(ChannelHandlerContext ctx, FullHttpRequest request) {
        DecoderResult result = request.decoderResult();
        boolean keepAlive = result.isSuccess() && HttpUtil.isKeepAlive(request) && !draining.getAsBoolean();
        Exchange ex = new Exchange(ctx, request, System.nanoTime(), keepAlive, done -> completed(ctx, done));
        current = ex;
        currentBodyBytes = request.content().readableBytes();
        inFlight.begin();
        try {
            if (!result.isSuccess()) {
                rejectMalformed(ex, result.cause());
            } else {
                handler.handle(ex, request);
            }
        } catch (Exception e) {
            LOG.warn("request failed: {} {}", request.method(), AccessLog.pathOf(request.uri()), e);
            if (!ex.isFinished()) {
                ex.closeAfterResponse();
                ex.sendText(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", null);
            }
        } finally {
            request.release();
        }
    }

    private void rejectMalformed(Exchange ex, Throwable cause) {
        ex.route("-");
        if (cause instanceof Refusal.RefusedRequest refused) {
            refuse(ex, refused.refusal());
            return;
        }
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        ex.sendText(status, status.reasonPhrase().toLowerCase(Locale.ROOT), null);
    }

    private void refuse(Exchange ex, Refusal refusal) {
        metrics.refused(refusal.reason());
        HttpHeaders headers = new DefaultHttpHeaders().set(REASON, refusal.reason());
        if (refusal.retryLater()) {
            headers.set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (refusal == Refusal.METHOD_NOT_ALLOWED) {
            headers.set(HttpHeaderNames.ALLOW, "GET, HEAD");
        }
        ex.sendText(refusal.status(), refusal.message(), headers);
    }

    private void completed(ChannelHandlerContext ctx, Exchange ex) {
        inFlight.end();
        if (currentBodyBytes > 0) {
            bodies.release(currentBodyBytes);
            currentBodyBytes = 0;
        }
        metrics.completed(ex, System.nanoTime() - ex.startNanos());
        AccessLog.record(ex);
        if (current == ex) {
            current = null;
        }
        if (!ctx.channel().isActive()) {
            releaseQueued();
            return;
        }
        FullHttpRequest next = queued.poll();
        if (next == null) {
            return;
        }
        queuedBytes -= next.content().readableBytes();
        if (!overflowed && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        start(ctx, next);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && current == null) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.debug("connection error", cause);
        }
        ctx.close();
    }

    private void releaseQueued() {
        FullHttpRequest r;
        while ((r = queued.poll()) != null) {
            r.release();
        }
        queuedBytes = 0;
    }
}
