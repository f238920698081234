/**
 * The gateway's Prometheus metrics: {@link dev.rendergate.gateway.metrics.GatewayMetrics} names and counts
 * requests by route and status class with their latency, crawler answers, fallbacks, upstream errors, bytes
 * out, open connections and HTTP/2 streams; {@link dev.rendergate.gateway.metrics.MetricsServer} serves them
 * on a listener of their own, apart from the public port.
 */
package dev.rendergate.gateway.metrics;
