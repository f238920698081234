package dev.rendergate.gateway.server;

import dev.rendergate.gateway.http.Exchange;
import dev.rendergate.gateway.log.AccessLog;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
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
 * asynchronous answer (a render) is pending waits in a small queue; too many close the connection.
 */
final class Dispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_QUEUED = 16;

    private final Handler handler;
    private final InFlight inFlight;
    private final GatewayMetrics metrics;
    private final BooleanSupplier draining;
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    private Exchange current;

    Dispatcher(Handler handler, Bookkeeping books, BooleanSupplier draining) {
        this.handler = handler;
        this.inFlight = books.inFlight();
        this.metrics = books.metrics();
        this.draining = draining;
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
        if (current != null) {
            if (queued.size() >= MAX_QUEUED) {
                request.release();
                ctx.close();
            } else {
                queued.add(request);
            }
            return;
        }
        start(ctx, request);
    }

    private void start(ChannelHandlerContext ctx, FullHttpRequest request) {
        DecoderResult result = request.decoderResult();
        boolean keepAlive = result.isSuccess() && HttpUtil.isKeepAlive(request) && !draining.getAsBoolean();
        Exchange ex = new Exchange(ctx, request, System.nanoTime(), keepAlive, done -> completed(ctx, done));
        current = ex;
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

    private static void rejectMalformed(Exchange ex, Throwable cause) {
        ex.route("-");
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        ex.sendText(status, status.reasonPhrase().toLowerCase(Locale.ROOT), null);
    }

    private void completed(ChannelHandlerContext ctx, Exchange ex) {
        inFlight.end();
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
        if (next != null) {
            start(ctx, next);
        }
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
    }
}
