package dev.rendergate.farm.http;

import dev.rendergate.farm.render.auto.RouteKnowledge;
import dev.rendergate.farm.render.auto.RouteState;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /engines/status}, behind the token: what {@code auto} knows of each site and route template on this node
 * (which engine answers it and why, how often HtmlUnit agreed, what differed at the last disagreement), newest
 * first, at most {@value #MAX_ROUTES} routes.
 */
public final class EngineRoutes implements FarmRoute {
    static final String PATH = "/engines/status";
    static final int MAX_ROUTES = 1_000;
    private final RouteKnowledge knowledge;
    private final Predicate<String> tokens;

    /** One route as the endpoint answers it. */
    record Route(String site, String template, String verdict, int agreements, long htmlUnitMedianMillis,
                 long chromiumMedianMillis, String reason, List<String> differing, Instant since) {
    }

    /** The whole answer. */
    record Answer(boolean shared, Map<String, Long> routesByVerdict, List<Route> routes) {
    }

    public EngineRoutes(RouteKnowledge knowledge, Predicate<String> tokens) {
        this.knowledge = knowledge;
        this.tokens = tokens;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PATH);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!tokens.test(exchange.getRequestHeaders().getFirst(FarmHeaders.TOKEN))) {
            FarmJson.fail(exchange, 401, "unauthorized", "missing or wrong X-Prerender-Token");
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            FarmJson.fail(exchange, 405, "method-not-allowed", "only GET");
            return;
        }
        List<Route> routes = knowledge.entries().stream().limit(MAX_ROUTES).map(e -> {
            RouteState s = e.state();
            return new Route(e.route().site(), e.route().template(), s.verdict().label(), s.agreements(),
                    s.htmlUnitMedianMillis(), s.chromiumMedianMillis(), s.reason(), s.differing(), s.since());
        }).toList();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        knowledge.countByVerdict().forEach((v, n) -> counts.put(v.label(), n));
        FarmJson.send(exchange, 200, new Answer(knowledge.isShared(), counts, routes));
    }
}
