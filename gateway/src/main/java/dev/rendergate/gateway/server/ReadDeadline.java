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
 * bytes and arms the clock, {@link #requestsIn()} after it sees the end of each request and disarms it.
 */
final class ReadDeadline {

    private final long timeoutNanos;
    private ScheduledFuture<?> armed;

    ReadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelInboundHandlerAdapter bytesIn() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (armed == null && msg instanceof ByteBuf buf && buf.isReadable()) {
                    armed = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
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
                    disarm();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void disarm() {
        if (armed != null) {
            armed.cancel(false);
            armed = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        armed = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse timeout = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.channel().writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
    }
}
