package dev.rendergate.gateway.server;

import dev.rendergate.gateway.GatewayLimits;
import dev.rendergate.gateway.GatewayTimeouts;
import dev.rendergate.gateway.PortInUseException;
import dev.rendergate.gateway.metrics.GatewayMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket and its event loops. {@link #stop(Duration)} is graceful: it stops accepting,
 * tells open connections to close after their current response, closes idle ones, waits (bounded)
 * for requests in flight, then closes everything.
 */
public final class NettyServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);

    private final Handler handler;
    private final GatewayLimits limits;
    private final GatewayTimeouts timeouts;
    private final int workerThreads;
    private final InFlight inFlight = new InFlight();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger openStreams = new AtomicInteger();
    private final ConnectionCap connections;
    private final BodyBudget bodies;
    private final GatewayMetrics metrics;
    private volatile boolean draining;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;

    /** {@code metrics} gets every answered request and reads the open connections, streams and requests in flight. */
    public NettyServer(Handler handler, GatewayLimits limits, GatewayTimeouts timeouts, int workerThreads,
                       GatewayMetrics metrics) {
        this.handler = handler;
        this.limits = limits;
        this.timeouts = timeouts;
        this.workerThreads = workerThreads;
        this.metrics = metrics;
        this.connections = new ConnectionCap(limits.maxConnections());
        this.bodies = new BodyBudget(limits.bodyMemoryBytes());
        // Read at scrape time only: nothing on the request path.
        metrics.requestBodyBytes(bodies::held);
        metrics.openConnections(channels::size);
        metrics.openHttp2Streams(openStreams::get);
        metrics.requestsInFlight(inFlight::count);
    }

    /** Binds and returns the bound port; a port in use gives {@link PortInUseException}. */
    public synchronized int start(String host, int port) {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        // One event loop per core (Netty's default is two): the same footing as nginx's worker_processes auto.
        int loops = workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
        workers = new MultiThreadIoEventLoopGroup(loops, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new GatewayInitializer(handler, limits, timeouts,
                        new Bookkeeping(inFlight, channels, connections, openStreams, bodies, metrics), () -> draining));
        try {
            listener = bootstrap.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownLoops();
            if (e instanceof BindException) {
                throw new PortInUseException(host, port, e);
            }
            throw e;
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** True once {@link #stop(Duration)} has begun. */
    public boolean draining() {
        return draining;
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.count();
    }

    public synchronized void stop(Duration drain) {
        if (listener == null) {
            return;
        }
        draining = true;
        listener.close().syncUninterruptibly();
        closeIdleConnections();
        try {
            if (!inFlight.awaitIdle(drain)) {
                LOG.warn("shutdown: {} request(s) still in flight after {} ms, closing", inFlight.count(), drain.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdownLoops();
        listener = null;
    }

    private void closeIdleConnections() {
        for (Channel ch : channels) {
            ch.eventLoop().execute(() -> {
                Dispatcher d = ch.pipeline().get(Dispatcher.class);
                if (d == null || d.idle()) {
                    ch.close();
                }
            });
        }
    }

    private void shutdownLoops() {
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
