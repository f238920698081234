package dev.rendergate.gateway;

/** A port of the gateway is taken; the message names the port and the option that picks another. */
public final class PortInUseException extends RuntimeException {

    private final int port;
    private final String option;

    /** The public port ({@code --port}) is taken. */
    public PortInUseException(String host, int port, Throwable cause) {
        this(host, port, "--port", cause);
    }

    /** The port set by {@code option} (e.g. {@code --metrics-port}) is taken. */
    public PortInUseException(String host, int port, String option, Throwable cause) {
        super("port " + port + " is in use on " + host + "; choose another with " + option + " or "
                + variableOf(option), cause);
        this.port = port;
        this.option = option;
    }

    private static String variableOf(String option) {
        return "RENDERGATE_" + option.replaceFirst("^-+", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** The port that could not be bound. */
    public int port() {
        return port;
    }

    /** The option that sets this port, e.g. {@code --port} or {@code --metrics-port}. */
    public String option() {
        return option;
    }
}
