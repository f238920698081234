package dev.rendergate.farm.render.chromium;

/** A failure of the browser itself (launch, crash, lost DevTools connection), not of a page. */
public final class ChromiumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChromiumException(String message) {
        super(message);
    }

    public ChromiumException(String message, Throwable cause) {
        super(message, cause);
    }
}
