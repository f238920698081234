package dev.rendergate.farm.guard;

/** A render request refused before anything was fetched; carries the HTTP status and a short machine reason. */
public final class RejectedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String reason;

    public RejectedRequestException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status to answer: 400, 403 or 414. */
    public int status() {
        return status;
    }

    /** A short token for {@code X-Rendergate-Reason}, e.g. {@code origin-not-allowed}. */
    public String reason() {
        return reason;
    }
}
