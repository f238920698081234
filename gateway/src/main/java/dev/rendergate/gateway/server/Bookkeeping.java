package dev.rendergate.gateway.server;

import dev.rendergate.gateway.metrics.GatewayMetrics;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection and request of one server reports to: the requests in flight (drained at shutdown),
 * the open connections (closed at shutdown) and their cap, the open HTTP/2 streams, the request bodies held, and
 * the metrics.
 */
record Bookkeeping(InFlight inFlight, ChannelGroup channels, ConnectionCap connections, AtomicInteger openStreams,
                   BodyBudget bodies, GatewayMetrics metrics) {
}
