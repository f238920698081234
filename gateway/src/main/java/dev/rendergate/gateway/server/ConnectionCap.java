package dev.rendergate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide bound on open client connections. A connection beyond it is accepted only to be told so: a fixed
 * HTTP/1.1 503 with {@code Connection: close}, {@code Retry-After} and {@code X-Rendergate-Reason: connection-limit},
 * written before anything is read; then the gateway closes its side, drops whatever the client sends for a moment
 * (so the client reads the answer instead of a reset) and closes.
 */
final class ConnectionCap {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final ChannelFutureListener closed = f -> open.decrementAndGet();

    ConnectionCap(int max) {
        this.max = max;
    }

    /** Counts {@code ch} in until it closes; false (nothing counted) when the cap is reached. */
    boolean tryOpen(Channel ch) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return false;
        }
        ch.closeFuture().addListener(closed);
        return true;
    }

    int open() {
        return open.get();
    }

    /** The pipeline of a refused connection: the answer, then a lingering close. */
    static ChannelHandler refusal() {
        return Refuse.INSTANCE;
    }

    @ChannelHandler.Sharable
    private static final class Refuse extends ChannelInboundHandlerAdapter {
        static final Refuse INSTANCE = new Refuse();
        private static final ByteBuf ANSWER = answer();

        private static ByteBuf answer() {
            Refusal refusal = Refusal.CONNECTION_LIMIT;
            String body = refusal.message() + "\n";
            String head = "HTTP/1.1 " + refusal.status() + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length() + "\r\n"
                    + "Cache-Control: no-store\r\n"
                    + "Retry-After: 1\r\n"
                    + "X-Rendergate-Reason: " + refusal.reason() + "\r\n"
                    + "Server: rendergate\r\n"
                    + "Connection: close\r\n\r\n";
            return Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(head + body, StandardCharsets.US_ASCII)).asReadOnly();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel ch = ctx.channel();
            ctx.writeAndFlush(ANSWER.duplicate()).addListener(f -> {
                if (f.isSuccess() && ch instanceof SocketChannel socket) {
                    socket.shutdownOutput();
                    ch.eventLoop().schedule(() -> ch.close(), BodyGate.LINGER_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    ch.close();
                }
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
