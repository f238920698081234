package dev.rendergate.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream half of the HTTP/2 slowloris guard: a request on an HTTP/2 stream must end (END_STREAM)
 * within the request read time from its HEADERS, like an HTTP/1.1 request from its first byte. A stream
 * that trickles or withholds its body gets 408, is reset, and its connection is closed (GOAWAY; other
 * streams may finish), since a client that does this once will do it on many streams.
 */
final class StreamDeadline extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDeadline.class);

    private final long timeoutNanos;
    private ScheduledFuture<?> armed;

    StreamDeadline(Duration requestRead) {
        this.timeoutNanos = requestRead.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        armed = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent) {
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void disarm() {
        if (armed != null) {
            armed.cancel(false);
            armed = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        armed = null;
        Channel stream = ctx.channel();
        if (!stream.isActive()) {
            return;
        }
        LOG.atDebug().addKeyValue("client", stream instanceof Http2StreamChannel s ? s.parent().remoteAddress() : null)
                .log("HTTP/2 request not complete within the request read time; 408 and closing the connection");
        DefaultFullHttpResponse timeout = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        timeout.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.writeAndFlush(timeout).addListener((ChannelFutureListener) f -> {
            stream.close();
            if (stream instanceof Http2StreamChannel s) {
                s.parent().close();
            }
        });
    }
}
