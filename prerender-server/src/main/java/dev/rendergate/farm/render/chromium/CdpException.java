package dev.rendergate.farm.render.chromium;

/** A DevTools call that failed: an error answer, no answer in time, or a closed connection. */
final class CdpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    CdpException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** True when the call got no answer within its timeout (the target may be stuck). */
    boolean timedOut() {
        return timedOut;
    }
}
