package dev.rendergate.farm.egress;

/**
 * What one render may fetch through the egress proxy. Past a limit the render's connections are cut and its further
 * requests refused, and the render fails rather than answer a partial page.
 *
 * @param maxBytes       bytes in both directions, over all the render's connections
 * @param maxRequests    plain requests plus tunnels ({@code CONNECT}, which may carry several HTTPS requests each)
 * @param maxConnections connections open at once
 */
public record EgressLimits(long maxBytes, int maxRequests, int maxConnections) {
    /** 64 MiB, 1,000 requests and 64 connections: a large SPA fetches a few MiB in a few dozen requests. */
    public static final EgressLimits DEFAULTS = new EgressLimits(64L << 20, 1_000, 64);

    public EgressLimits {
        if (maxBytes < 1 || maxRequests < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("egress limits must be positive: bytes " + maxBytes + ", requests "
                    + maxRequests + ", connections " + maxConnections);
        }
    }
}
