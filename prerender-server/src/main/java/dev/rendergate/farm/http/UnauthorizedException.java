package dev.rendergate.farm.http;

/** The request did not carry the configured {@code X-Prerender-Token}. */
final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException() {
        super("missing or wrong X-Prerender-Token", null, false, false);
    }
}
