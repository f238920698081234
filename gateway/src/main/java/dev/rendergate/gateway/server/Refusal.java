package dev.rendergate.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Why the gateway refused to hold what a client sent: each is answered with its status, its reason in
 * {@code X-Rendergate-Reason} (and the {@code rendergate_gateway_refusals_total} label), a sentence that says what
 * to do, and {@code Connection: close}; the 503s carry {@code Retry-After}.
 */
enum Refusal {
    BODY_NOT_ACCEPTED(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-not-accepted",
            "this route takes no request body; send the request without one"),
    /** A body with a method the routes without bodies never answer (they take GET and HEAD): 405 with Allow. */
    METHOD_NOT_ALLOWED(HttpResponseStatus.METHOD_NOT_ALLOWED, "body-not-accepted",
            "method not allowed: this route answers GET and HEAD, without a request body"),
    BODY_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
            "request body larger than the gateway accepts"),
    MEMORY_BUDGET(HttpResponseStatus.SERVICE_UNAVAILABLE, "memory-budget",
            "too many request bodies in flight, retry later"),
    PIPELINE_FULL(HttpResponseStatus.SERVICE_UNAVAILABLE, "pipeline-full",
            "too many pipelined requests on this connection; send the rest on a new connection"),
    CONNECTION_LIMIT(HttpResponseStatus.SERVICE_UNAVAILABLE, "connection-limit",
            "too many connections, retry later");

    private final HttpResponseStatus status;
    private final String reason;
    private final String message;
    private final RefusedRequest cause = new RefusedRequest(this);

    Refusal(HttpResponseStatus status, String reason, String message) {
        this.status = status;
        this.reason = reason;
        this.message = message;
    }

    HttpResponseStatus status() {
        return status;
    }

    /** The value of {@code X-Rendergate-Reason} and of the metric's {@code reason} label. */
    String reason() {
        return reason;
    }

    String message() {
        return message;
    }

    boolean retryLater() {
        return status == HttpResponseStatus.SERVICE_UNAVAILABLE;
    }

    /** The decoder failure that carries this refusal to the {@link Dispatcher}, in order with the other answers. */
    RefusedRequest asCause() {
        return cause;
    }

    /** A request the gateway will not hold; one shared instance per refusal, without a stack trace. */
    static final class RefusedRequest extends Exception {
        private final transient Refusal refusal;

        private RefusedRequest(Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }

        @Override
        public String getMessage() {
            return refusal.reason();
        }
    }
}
