package dev.rendergate.gateway.server;

import dev.rendergate.gateway.http.Exchange;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Answers one request. Called on the connection's event loop; must eventually call one of the
 * exchange's finish methods (directly, or later from the event loop for asynchronous answers). The
 * request is released when this returns, so an asynchronous answer copies what it needs first.
 */
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange, FullHttpRequest request) throws Exception;

    /**
     * Whether the request, judged by its head before any of its body is read, goes to a route that passes a body on;
     * false (the default) refuses the body with 413. Called only for requests that carry a body.
     */
    default boolean acceptsBody(HttpRequest head) {
        return false;
    }
}
