/**
 * The Netty server: the pipeline (HTTP codec with size limits, the body gate that admits a body only where a route
 * proxies one and within the server-wide body budget, aggregation with a body limit, request read deadline, idle
 * timeout; HTTP/2 cleartext by prior knowledge, each stream served through the same HTTP/1 handlers, with a bounded
 * number of streams), the connection cap, the per-connection dispatcher that turns each request into an
 * {@link dev.rendergate.gateway.http.Exchange} and keeps responses in order with a bounded pipeline, and the
 * in-flight count that graceful shutdown drains. Every refusal is a {@link dev.rendergate.gateway.server.Refusal}.
 */
package dev.rendergate.gateway.server;
