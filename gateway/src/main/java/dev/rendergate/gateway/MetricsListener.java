package dev.rendergate.gateway;

import java.util.Objects;

/**
 * Where the gateway serves its Prometheus {@code /metrics}: a listener of its own, apart from the public port,
 * so a public edge never shows them.
 *
 * @param bindHost address to bind; loopback keeps the metrics on the machine, a private address or
 *                 {@code 0.0.0.0} inside a container network lets a Prometheus elsewhere scrape them
 * @param port     TCP port, 0 for an ephemeral one (tests; the bound port is {@link Gateway#metricsPort()})
 */
public record MetricsListener(String bindHost, int port) {

    /** The listener a new user gets: loopback, the port of OpenTelemetry's Prometheus exporter. */
    public static final int DEFAULT_PORT = 9464;

    public MetricsListener {
        Objects.requireNonNull(bindHost, "bindHost");
    }

    /** A listener on 127.0.0.1. */
    public static MetricsListener loopback(int port) {
        return new MetricsListener("127.0.0.1", port);
    }

    void validate() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("metrics port must be 0-65535 (or off), got " + port);
        }
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("metrics bind address is empty; give an address such as 127.0.0.1");
        }
    }
}
