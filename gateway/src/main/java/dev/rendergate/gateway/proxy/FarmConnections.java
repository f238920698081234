package dev.rendergate.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Keep-alive connections to the farm, pooled per event loop: a viewer's request uses a connection on
 * its own event loop, so the whole proxy path runs on one thread without locks or hand-offs. Idle
 * connections closed by the farm are noticed and dropped when next taken.
 */
final class FarmConnections {

    /** The call a connection is currently serving; null while it is idle in the pool. */
    static final AttributeKey<FarmCall> CALL = AttributeKey.valueOf("rendergate.farm.call");
    private static final int MAX_IDLE_PER_LOOP = 256;

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final SslContext ssl;
    private final FastThreadLocal<ArrayDeque<Channel>> idle = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    FarmConnections(String host, int port, int connectTimeoutMillis, SslContext ssl) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.ssl = ssl;
    }

    /** Hands a connected channel on {@code loop} to {@code ready} (with whether it was reused). Call on {@code loop}. */
    void acquire(EventLoop loop, boolean fresh, Ready ready, Consumer<Throwable> failed) {
        ArrayDeque<Channel> pool = idle.get();
        for (Channel ch = fresh ? null : pool.pollLast(); ch != null; ch = pool.pollLast()) {
            if (ch.isActive()) {
                ready.accept(ch, true);
                return;
            }
        }
        new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(4096, 16 * 1024, 64 * 1024));
                        ch.pipeline().addLast(new Relay());
                    }
                })
                .connect(host, port)
                .addListener((ChannelFutureListener) (ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        ready.accept(f.channel(), false);
                    } else {
                        failed.accept(f.cause());
                    }
                });
    }

    /** Returns a connection whose response was read completely; call on its event loop. */
    void release(Channel ch) {
        ch.attr(CALL).set(null);
        ArrayDeque<Channel> pool = idle.get();
        if (ch.isActive() && pool.size() < MAX_IDLE_PER_LOOP) {
            pool.addLast(ch);
        } else {
            ch.close();
        }
    }

    /** Closes a connection that must not be reused (failure, timeout, viewer gone). */
    static void discard(Channel ch) {
        if (ch != null) {
            ch.attr(CALL).set(null);
            ch.close();
        }
    }

    /** A connection being handed over. */
    @FunctionalInterface
    interface Ready {
        void accept(Channel channel, boolean reused);
    }

    /** Passes the farm's response parts to the call the connection serves. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            FarmCall call = ctx.channel().attr(CALL).get();
            if (call == null) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            call.onMessage(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            FarmCall call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.onUpstreamClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
