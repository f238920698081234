package dev.rendergate.farm.http;

import io.undertow.server.HttpHandler;

/**
 * A group of the farm's routes beside the render API (freshness, inspector), registered with
 * {@link FarmHttpServer} by the node's wiring. Called on a worker thread, so it may block.
 */
public interface FarmRoute extends HttpHandler {

    /** Whether this route answers requests for {@code path}. */
    boolean handles(String path);
}
