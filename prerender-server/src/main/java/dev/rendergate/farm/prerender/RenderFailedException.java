package dev.rendergate.farm.prerender;

import dev.rendergate.farm.render.RenderOutcome;

/** Carries a failed render out of the cache's loader so it propagates to every waiting caller and is never cached. */
final class RenderFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RenderOutcome.Failed failure;
    private final long millis;

    RenderFailedException(RenderOutcome.Failed failure, long millis) {
        super(failure.reason().code(), null, false, false);
        this.failure = failure;
        this.millis = millis;
    }

    RenderOutcome.Failed failure() {
        return failure;
    }

    long millis() {
        return millis;
    }
}
