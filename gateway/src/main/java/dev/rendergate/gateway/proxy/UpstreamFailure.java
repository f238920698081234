package dev.rendergate.gateway.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Why an upstream could not answer, as sent in {@code X-Rendergate-Reason}.
 *
 * @param reason  short token: {@code farm-unreachable}, {@code farm-timeout}, {@code farm-error}, or the
 *                farm's own reason (e.g. {@code render-timeout})
 * @param status  the upstream's status when it answered with a failure, else 0
 */
public record UpstreamFailure(String reason, int status) {

    /** What the edge answers when nothing else can: 504 when the upstream was too slow, else 502. */
    public HttpResponseStatus edgeStatus() {
        return reason.endsWith("timeout") ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY;
    }
}
