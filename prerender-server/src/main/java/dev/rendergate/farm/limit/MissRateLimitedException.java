package dev.rendergate.farm.limit;

/** A render refused because its client used up its share of cache-miss renders; answered 429 with Retry-After. */
public final class MissRateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public MissRateLimitedException(String client, long retryAfterSeconds) {
        super("too many renders of uncached pages from " + client + "; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the client's next render is allowed, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
