package dev.rendergate.gateway.proxy;

/**
 * Why an upstream could not answer, as sent in {@code X-Rendergate-Reason}.
 *
 * @param reason  short token: {@code farm-unreachable}, {@code farm-timeout}, {@code farm-error}, or the
 *                farm's own reason (e.g. {@code render-timeout})
 * @param status  the upstream's status when it answered with a failure, else 0
 */
public record UpstreamFailure(String reason, int status) {
}
