package dev.rendergate.gateway.metrics;

import dev.rendergate.gateway.PortInUseException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The metrics listener: {@code GET /metrics} answers the Prometheus text of a {@link GatewayMetrics}, every other
 * path 404. It listens apart from the public port (loopback by default), so the public edge never shows them,
 * and runs on a thread of its own, so a scrape neither waits behind people's requests nor delays them.
 */
public final class MetricsServer {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final int MAX_LINE = 4096;
    private static final int MAX_HEADERS = 16 * 1024;
    private static final int IDLE_SECONDS = 60;

    private final GatewayMetrics metrics;
    private EventLoopGroup loop;
    private Channel listener;

    public MetricsServer(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    /** Binds and returns the bound port; a port in use gives {@link PortInUseException} naming {@code --metrics-port}. */
    public synchronized int start(String host, int port) {
        loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(MAX_LINE, MAX_HEADERS, 8192))
                                .addLast(new HttpObjectAggregator(0))
                                .addLast(new Scrape());
                    }
                });
        try {
            listener = bootstrap.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            stop();
            if (e instanceof BindException) {
                throw new PortInUseException(host, port, "--metrics-port", e);
            }
            throw e;
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public synchronized void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        if (loop != null) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            loop = null;
        }
    }

    /** Answers one request on the metrics connection. */
    private final class Scrape extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "bad request\n", false);
                return;
            }
            boolean get = HttpMethod.GET.equals(request.method());
            if (!get && !HttpMethod.HEAD.equals(request.method())) {
                respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n", true);
                return;
            }
            String uri = request.uri();
            int q = uri.indexOf('?');
            if (!(q < 0 ? uri : uri.substring(0, q)).equals("/metrics")) {
                respond(ctx, request, HttpResponseStatus.NOT_FOUND, "the metrics are at /metrics\n", true);
                return;
            }
            respond(ctx, request, HttpResponseStatus.OK, metrics.scrape(), true);
        }

        private void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String text,
                             boolean keepAliveAllowed) {
            ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
            int length = body.readableBytes();
            boolean head = HttpMethod.HEAD.equals(request.method());
            if (head) {
                body.release();
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    head ? Unpooled.EMPTY_BUFFER : body);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, status == HttpResponseStatus.OK ? CONTENT_TYPE : "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            boolean keepAlive = keepAliveAllowed && HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            ChannelFuture written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
