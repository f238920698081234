package dev.rendergate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The slowloris guard: a request must arrive completely (head and body) within a deadline that starts
 * with its first byte, or the connection gets 408 and is closed. An idle-time check alone would not do:
 * a client trickling one byte a second is never idle.
 *
 * <p>One instance per connection, installed twice: {@link #bytesIn()} before the HTTP decoder sees raw
 * bytes and starts the clock, {@link #requestsIn()} after it sees the end of each request and stops it.
 *
 * <p>The clock is a deadline in a field and at most one timer per connection, not a timer per request: when the
 * timer fires it expires the request being read if its deadline has passed, waits for the rest of its time if not,
 * and ends when no request is being read. Keep-alive requests in a row then cost a clock read each, not a timer
 * scheduled and cancelled each.
 */
final class ReadDeadline {

    private final long timeoutNanos;
    private boolean reading;
    private long deadlineNanos;
    private ScheduledFuture<?> timer;

    ReadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelInboundHandlerAdapter bytesIn() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!reading && msg instanceof ByteBuf buf && buf.isReadable()) {
                    reading = true;
                    deadlineNanos = System.nanoTime() + timeoutNanos;
                    if (timer == null) {
                        check(ctx, timeoutNanos);
                    }
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                // The connection became HTTP/2: its streams are not HTTP/1 requests to time.
                disarm();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelInboundHandlerAdapter requestsIn() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    reading = false;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void check(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> {
            timer = null;
            if (!reading) {
                return;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                expire(ctx);
            } else {
                check(ctx, left);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        reading = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        reading = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse timeout = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.channel().writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
    }
}
