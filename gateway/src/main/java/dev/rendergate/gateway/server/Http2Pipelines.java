package dev.rendergate.gateway.server;

import dev.rendergate.gateway.GatewayLimits;
import dev.rendergate.gateway.GatewayTimeouts;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * HTTP/2 cleartext (h2c) for one connection, reached by prior knowledge only ({@code Upgrade: h2c} is refused,
 * see {@link GatewayInitializer}).
 * Each stream gets its own child channel whose pipeline turns frames back into HTTP/1 objects, so the
 * same {@link Dispatcher} and {@link Handler} serve it as they serve an HTTP/1.1 request.
 *
 * <p>When a connection becomes HTTP/2 its HTTP/1 handlers leave the connection pipeline: the request
 * read deadline is per HTTP/1 request (an h2 connection carries many streams at once). The slowloris
 * guard takes its place: {@link StreamDeadline} times each stream's request, {@link Http2FrameWatch}
 * times header blocks that never complete and closes connections that open no stream for the idle
 * time; a silent connection is closed by {@link #IDLE_CLOSE}. Through the frame codec each close is a
 * GOAWAY that lets open streams finish.
 *
 * <p>A connection advertises {@link GatewayLimits#maxHttp2Streams()} concurrent streams, and the frame codec resets
 * a stream beyond it with REFUSED_STREAM (the client may retry it as it was), also before the client has
 * acknowledged the setting. Each stream's body passes the {@link BodyGate} like an HTTP/1.1 request's.
 */
final class Http2Pipelines {

    /** The connection-level HTTP/1 handlers {@link GatewayInitializer} installs by these names. */
    static final List<String> HTTP1_HANDLERS = List.of("deadline-bytes", "deadline-requests", "body-gate", "aggregate", "headers",
            "dispatch");

    private static final ChannelHandler IDLE_CLOSE = new IdleClose();

    private final Handler handler;
    private final GatewayLimits limits;
    private final GatewayTimeouts timeouts;
    private final Bookkeeping books;
    private final BooleanSupplier draining;
    private final ChannelFutureListener streamClosed;

    Http2Pipelines(Handler handler, GatewayLimits limits, GatewayTimeouts timeouts, Bookkeeping books,
                   BooleanSupplier draining) {
        this.handler = handler;
        this.limits = limits;
        this.timeouts = timeouts;
        this.books = books;
        this.draining = draining;
        this.streamClosed = f -> books.openStreams().decrementAndGet();
    }

    /** The handler that takes over a connection whose first bytes are the HTTP/2 preface. */
    ChannelHandler priorKnowledge() {
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                dropHttp1(ch.pipeline());
                ch.pipeline().addLast("h2-watch", frameWatch()).addLast("h2", frameCodec())
                        .addLast("h2-streams", multiplex()).addLast("h2-idle", IDLE_CLOSE);
            }
        };
    }

    private Http2FrameWatch frameWatch() {
        return new Http2FrameWatch(timeouts.requestRead(), timeouts.idle());
    }

    private Http2FrameCodec frameCodec() {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxHeaderListSize(limits.maxHeaderBytes())
                .maxConcurrentStreams(limits.maxHttp2Streams());
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                // Closing the connection (drain, idle) sends GOAWAY and waits this long for open streams.
                .gracefulShutdownTimeoutMillis(timeouts.drain().toMillis())
                .build();
    }

    private Http2MultiplexHandler multiplex() {
        return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                books.openStreams().incrementAndGet();
                stream.closeFuture().addListener(streamClosed);
                BodyBudget.Account bodies = books.bodies().account();
                stream.pipeline()
                        .addLast("h2-http", new Http2StreamFrameToHttpObjectCodec(true))
                        .addLast("deadline", new StreamDeadline(timeouts.requestRead()))
                        .addLast("chunked", new ChunkedWriteHandler())
                        .addLast("body-gate", new BodyGate(handler, limits.maxBodyBytes(), bodies, false))
                        .addLast("aggregate", new HttpObjectAggregator(limits.maxBodyBytes()))
                        .addLast("headers", new StandardHeaders())
                        .addLast("dispatch", new Dispatcher(handler, books, draining, bodies, 0, 0));
            }
        });
    }

    private static void dropHttp1(ChannelPipeline p) {
        for (String name : HTTP1_HANDLERS) {
            if (p.get(name) != null) {
                p.remove(name);
            }
        }
    }

    /** Closes an idle HTTP/2 connection; the frame codec turns the close into GOAWAY. */
    @ChannelHandler.Sharable
    private static final class IdleClose extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
            ReferenceCountUtil.release(evt);
        }
    }
}
