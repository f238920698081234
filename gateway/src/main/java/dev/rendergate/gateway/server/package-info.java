/**
 * The Netty server: the pipeline (HTTP codec with size limits, aggregation with a body limit, request
 * read deadline, idle timeout; HTTP/2 cleartext by prior knowledge or {@code Upgrade: h2c}, each stream
 * served through the same HTTP/1 handlers), the per-connection dispatcher that turns each request into an
 * {@link dev.rendergate.gateway.http.Exchange} and keeps responses in order, and the in-flight count that
 * graceful shutdown drains.
 */
package dev.rendergate.gateway.server;
