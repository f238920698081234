package dev.rendergate.farm.render;

/** Every engine is busy and the queue is full: answer 503 with {@code Retry-After} at once. */
public final class PoolSaturatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    public PoolSaturatedException(int retryAfterSeconds) {
        super("render queue full");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds a client should wait before retrying. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
