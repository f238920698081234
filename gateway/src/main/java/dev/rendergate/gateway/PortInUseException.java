package dev.rendergate.gateway;

/** The gateway's port is taken; the message names the port and how to pick another. */
public final class PortInUseException extends RuntimeException {

    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use; choose another with --port"
                + " (or RENDERGATE_PORT)", cause);
        this.port = port;
    }

    /** The port that could not be bound. */
    public int port() {
        return port;
    }
}
