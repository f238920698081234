package dev.rendergate.gateway.statics;

import dev.rendergate.gateway.http.Exchange;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The SPA's files as the router sees them, wherever they come from: {@link StaticSite} (a folder) or an
 * HTTP origin. Every method is called on the exchange's event loop and finishes the exchange, now or later.
 */
public interface Site extends AutoCloseable {

    /** The access log's route for a file answered by this site, e.g. {@code static} or {@code origin}. */
    String route();

    /**
     * Answers a request for {@code rawPath} (the path as the viewer sent it, or the edge's rewrite to the
     * SPA shell); {@code extra} headers (may be null) are added last and win.
     */
    void serve(Exchange ex, String rawPath, HttpHeaders extra);

    /**
     * Answers with the SPA shell {@code shellPath} whatever the request path was (a crawler's fallback),
     * with {@code extra} headers; calls {@code orElse} instead when there is no shell to give.
     */
    void serveShell(Exchange ex, String shellPath, HttpHeaders extra, Runnable orElse);

    /** Starts what the site needs in the background (e.g. fetching the shell); nothing by default. */
    default void warm() {
    }

    @Override
    default void close() {
    }
}
