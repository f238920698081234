package dev.rendergate.edge.lambda;

/** The event is not the JSON shape CloudFront sends: not JSON, or without {@code Records[0].cf.request}. */
public final class MalformedEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, without echoing the event (it may carry cookies) */
    public MalformedEventException(String message) {
        super(message);
    }
}
