package dev.rendergate.gateway.server;

import dev.rendergate.gateway.http.Exchange;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Answers one request. Called on the connection's event loop; must eventually call one of the
 * exchange's finish methods (directly, or later from the event loop for asynchronous answers). The
 * request is released when this returns, so an asynchronous answer copies what it needs first.
 */
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange, FullHttpRequest request) throws Exception;
}
