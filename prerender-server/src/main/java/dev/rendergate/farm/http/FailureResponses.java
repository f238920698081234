package dev.rendergate.farm.http;

import dev.rendergate.farm.guard.RejectedRequestException;
import dev.rendergate.farm.limit.MissRateLimitedException;
import dev.rendergate.farm.metrics.FarmMetrics;
import dev.rendergate.farm.render.PoolSaturatedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP statuses, with a reason header and a one-line text body. */
final class FailureResponses {
    private static final Logger LOG = LoggerFactory.getLogger(FailureResponses.class);

    private FailureResponses() {
    }

    static void send(HttpServerExchange exchange, Throwable error, FarmMetrics metrics) {
        if (error instanceof RejectedRequestException r) {
            metrics.request("rejected");
            respond(exchange, r.status(), r.reason(), r.getMessage());
        } else if (error instanceof UnauthorizedException u) {
            metrics.request("unauthorized");
            respond(exchange, 401, "unauthorized", u.getMessage());
        } else if (error instanceof MissRateLimitedException m) {
            metrics.request("rate-limited");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, m.retryAfterSeconds());
            respond(exchange, 429, "rate-limited", "too many renders of uncached pages from this address; cached"
                    + " pages are still served");
        } else if (error instanceof PoolSaturatedException p) {
            metrics.request("overloaded");
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, p.retryAfterSeconds());
            respond(exchange, 503, "overloaded", "all render engines busy and the queue is full");
        } else {
            metrics.request("error");
            LOG.warn("event=request-error path={} error={}", exchange.getRequestPath(), error.toString(), error);
            respond(exchange, 500, "internal-error", "internal error");
        }
    }

    static void respond(HttpServerExchange exchange, int status, String reason, String message) {
        LOG.info("event=refused path={} status={} reason={}", HeaderText.safe(exchange.getRequestPath()), status, reason);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(FarmHeaders.REASON, reason);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(reason + ": " + message + "\n", StandardCharsets.UTF_8);
    }
}
