package dev.rendergate.cli;

import dev.rendergate.gateway.MetricsListener;
import picocli.CommandLine.Option;

/** Where {@code gateway} and {@code up} serve the gateway's Prometheus metrics: a listener apart from the public port. */
final class MetricsOptions {
  static final String OFF = "off";

  @Option(names = "--metrics-port", paramLabel = "PORT|off", defaultValue = "" + MetricsListener.DEFAULT_PORT,
      description = "Port of the gateway's Prometheus /metrics, a listener apart from the public port; 0 picks a free "
          + "one (printed at start), off serves none. Default: ${DEFAULT-VALUE}. [env: RENDERGATE_METRICS_PORT]")
  String metricsPort;

  @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address of the metrics listener. Loopback keeps the metrics off the network; give a private "
          + "address (or 0.0.0.0 inside a container network) for a Prometheus on another host, never a public one. "
          + "Default: ${DEFAULT-VALUE}. [env: RENDERGATE_METRICS_BIND]")
  String metricsBind;

  /** The listener, or null when switched off. */
  MetricsListener listener() {
    String value = metricsPort.trim();
    if (value.equalsIgnoreCase(OFF)) {
      return null;
    }
    try {
      return new MetricsListener(metricsBind, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new UserFacingException("--metrics-port must be a port (0-65535, 0 picks a free one) or off, got '"
          + metricsPort + "'; set it with --metrics-port or RENDERGATE_METRICS_PORT", e);
    }
  }
}
