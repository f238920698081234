package dev.rendergate.farm.render.auto;

import java.util.Optional;

/** Route knowledge shared by every farm node (Redis); best effort: a store that is down reads empty and drops writes. */
interface SharedRoutes extends AutoCloseable {

    /** The shared state of {@code route}, or empty when there is none or the store cannot be reached. */
    Optional<RouteState> get(RouteTemplate route);

    /** Publishes {@code state} for {@code route}. */
    void put(RouteTemplate route, RouteState state);

    @Override
    void close();
}
