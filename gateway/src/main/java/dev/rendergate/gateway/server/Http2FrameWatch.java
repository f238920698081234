package dev.rendergate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection half of the HTTP/2 slowloris guard, in front of the frame codec. It follows the frame
 * boundaries of the bytes going in (reading nine-byte frame heads, skipping payloads, never copying) and
 * closes the connection when:
 * <ul>
 *   <li>a header block (HEADERS without END_HEADERS, then CONTINUATION) is not complete within the
 *       request read time: until then no stream exists that {@link StreamDeadline} could time;</li>
 *   <li>no stream has been open and no new one started for the idle time, even if the client keeps
 *       the connection busy with PING or SETTINGS frames, which an idle-time check alone would count.</li>
 * </ul>
 * Closing goes through the frame codec, so the client gets GOAWAY.
 */
final class Http2FrameWatch extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Http2FrameWatch.class);
    private static final int PREFACE_LENGTH = 24;
    private static final int HEAD_LENGTH = 9;
    private static final int HEADERS = 0x1, CONTINUATION = 0x9, END_HEADERS = 0x4;

    private final long readNanos;
    private final long idleNanos;
    private final byte[] head = new byte[HEAD_LENGTH];
    private int headFilled;
    private int prefaceLeft = -1;
    private long payloadLeft;
    private long lastStreamNanos;
    private ScheduledFuture<?> headerBlock;
    private ScheduledFuture<?> idleCheck;

    Http2FrameWatch(Duration requestRead, Duration idle) {
        this.readNanos = requestRead.toNanos();
        this.idleNanos = idle.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastStreamNanos = System.nanoTime();
        idleCheck = ctx.executor().schedule(() -> checkIdle(ctx), idleNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            scan(ctx, buf);
        }
        ctx.fireChannelRead(msg);
    }

    private void scan(ChannelHandlerContext ctx, ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        while (i < end) {
            if (prefaceLeft != 0) {
                if (prefaceLeft < 0) {
                    // The client preface starts with 'P'; a frame head never does (it would announce 5 MB).
                    prefaceLeft = buf.getByte(i) == 'P' ? PREFACE_LENGTH : 0;
                }
                int n = Math.min(prefaceLeft, end - i);
                i += n;
                prefaceLeft -= n;
            } else if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, end - i);
                i += n;
                payloadLeft -= n;
            } else {
                head[headFilled++] = buf.getByte(i++);
                if (headFilled == HEAD_LENGTH) {
                    headFilled = 0;
                    onFrameHead(ctx);
                }
            }
        }
    }

    private void onFrameHead(ChannelHandlerContext ctx) {
        payloadLeft = (head[0] & 0xffL) << 16 | (head[1] & 0xffL) << 8 | head[2] & 0xffL;
        int type = head[3] & 0xff;
        boolean endHeaders = (head[4] & END_HEADERS) != 0;
        if (type == HEADERS) {
            lastStreamNanos = System.nanoTime();
            if (!endHeaders && headerBlock == null) {
                headerBlock = ctx.executor().schedule(() -> headerBlockExpired(ctx), readNanos, TimeUnit.NANOSECONDS);
            }
        }
        if ((type == HEADERS || type == CONTINUATION) && endHeaders && headerBlock != null) {
            headerBlock.cancel(false);
            headerBlock = null;
        }
    }

    private void headerBlockExpired(ChannelHandlerContext ctx) {
        headerBlock = null;
        LOG.atDebug().addKeyValue("client", ctx.channel().remoteAddress())
                .log("HTTP/2 header block not complete within the request read time; closing the connection");
        ctx.channel().close();
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        idleCheck = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        Http2FrameCodec codec = ctx.pipeline().get(Http2FrameCodec.class);
        if (codec != null && codec.connection().numActiveStreams() > 0) {
            lastStreamNanos = now;
        }
        long quiet = now - lastStreamNanos;
        if (quiet >= idleNanos) {
            LOG.atDebug().addKeyValue("client", ctx.channel().remoteAddress())
                    .log("HTTP/2 connection without a stream for the idle time; closing it");
            ctx.channel().close();
            return;
        }
        idleCheck = ctx.executor().schedule(() -> checkIdle(ctx), idleNanos - quiet, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void cancel() {
        if (headerBlock != null) {
            headerBlock.cancel(false);
            headerBlock = null;
        }
        if (idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
    }
}
