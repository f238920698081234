package dev.rendergate.gateway.server;

import dev.rendergate.gateway.GatewayLimits;
import dev.rendergate.gateway.GatewayTimeouts;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The per-connection pipeline: read deadline, HTTP codec with limits (HTTP/1.1, or h2c by prior knowledge,
 * see {@link Http2Pipelines}; an {@code Upgrade: h2c} request is answered over HTTP/1.1), the body gate,
 * aggregation, idle timeout, dispatcher. A connection beyond the {@link ConnectionCap} gets its refusal instead.
 */
public final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

    private final Handler handler;
    private final GatewayLimits limits;
    private final GatewayTimeouts timeouts;
    private final Bookkeeping books;
    private final BooleanSupplier draining;
    private final Http2Pipelines http2;

    GatewayInitializer(Handler handler, GatewayLimits limits, GatewayTimeouts timeouts, Bookkeeping books,
                       BooleanSupplier draining) {
        this.handler = handler;
        this.limits = limits;
        this.timeouts = timeouts;
        this.books = books;
        this.draining = draining;
        this.http2 = new Http2Pipelines(handler, limits, timeouts, books, draining);
    }

    /**
     * The HTTP/1.1 {@code Upgrade} path switched off: {@code Upgrade: h2c} turns a request into a connection of
     * another protocol that intermediaries in front of the gateway do not see (request smuggling past their
     * rules), and clients that speak HTTP/2 in cleartext can use prior knowledge. Every request, with or without
     * the header, passes on untouched and is answered over HTTP/1.1.
     */
    private static final class NoUpgrades extends HttpServerUpgradeHandler {
        NoUpgrades(HttpServerCodec http1) {
            super(http1, protocol -> null);
        }

        @Override
        protected boolean shouldHandleUpgradeRequest(HttpRequest request) {
            return false;
        }

        /**
         * Never upgrading, the handler passes each message on as it came; done here without the decoder's work per
         * message (type match, output list, retain and release, an {@code Upgrade} header look-up).
         */
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!books.connections().tryOpen(ch)) {
            books.metrics().refused(Refusal.CONNECTION_LIMIT.reason());
            ch.pipeline().addLast("refuse", ConnectionCap.refusal());
            return;
        }
        books.channels().add(ch);
        ReadDeadline deadline = new ReadDeadline(timeouts.requestRead());
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxUriLength())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        ChannelPipeline p = ch.pipeline();
        p.addLast("idle", new IdleStateHandler(0, 0, timeouts.idle().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("deadline-bytes", deadline.bytesIn());
        HttpServerCodec http1 = new HttpServerCodec(decoder);
        // Either h2c by prior knowledge (this handler then gives way to HTTP/2) or HTTP/1.1; the detector
        // installs the codec and the (refusing) upgrade handler after itself.
        p.addLast("h2c", new CleartextHttp2ServerUpgradeHandler(http1, new NoUpgrades(http1), http2.priorKnowledge()));
        p.addLast("deadline-requests", deadline.requestsIn());
        BodyBudget.Account bodies = books.bodies().account();
        p.addLast("body-gate", new BodyGate(handler, limits.maxBodyBytes(), bodies, true));
        p.addLast("aggregate", new HttpObjectAggregator(limits.maxBodyBytes()));
        p.addLast("headers", new StandardHeaders());
        p.addLast("dispatch", new Dispatcher(handler, books, draining, bodies, limits.maxPipelined(),
                limits.maxPipelinedBytes()));
    }
}
