package dev.rendergate.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * The gateway's clocks.
 *
 * @param farmConnect  connecting to the farm, the site's origin or a routed service
 * @param farmResponse from sending a request to the farm or a routed service until its response is complete;
 *                     for the site's origin until the response head, then for each gap in the body
 * @param requestRead  from a request's first byte until its last (slowloris guard), answered with 408; on
 *                     HTTP/2 from a stream's HEADERS until its END_STREAM, and for a header block to complete
 * @param idle         an idle keep-alive connection is closed after this; an HTTP/2 connection also when it
 *                     opened no stream for this long, whatever else it sends
 * @param drain        how long {@link Gateway#stop()} waits for in-flight requests
 * @param retryAfter   the {@code Retry-After} hint of a 503
 */
public record GatewayTimeouts(Duration farmConnect, Duration farmResponse, Duration requestRead,
                              Duration idle, Duration drain, Duration retryAfter) {

    public GatewayTimeouts {
        Objects.requireNonNull(farmConnect, "farmConnect");
        Objects.requireNonNull(farmResponse, "farmResponse");
        Objects.requireNonNull(requestRead, "requestRead");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** 2 s connect, 15 s farm response (the farm's own render budget is 10 s), 10 s request read, 60 s idle. */
    public static GatewayTimeouts defaults() {
        return new GatewayTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public GatewayTimeouts withFarmConnect(Duration value) {
        return new GatewayTimeouts(value, farmResponse, requestRead, idle, drain, retryAfter);
    }

    public GatewayTimeouts withFarmResponse(Duration value) {
        return new GatewayTimeouts(farmConnect, value, requestRead, idle, drain, retryAfter);
    }

    public GatewayTimeouts withRequestRead(Duration value) {
        return new GatewayTimeouts(farmConnect, farmResponse, value, idle, drain, retryAfter);
    }

    public GatewayTimeouts withIdle(Duration value) {
        return new GatewayTimeouts(farmConnect, farmResponse, requestRead, value, drain, retryAfter);
    }

    public GatewayTimeouts withDrain(Duration value) {
        return new GatewayTimeouts(farmConnect, farmResponse, requestRead, idle, value, retryAfter);
    }

    public GatewayTimeouts withRetryAfter(Duration value) {
        return new GatewayTimeouts(farmConnect, farmResponse, requestRead, idle, drain, value);
    }
}
