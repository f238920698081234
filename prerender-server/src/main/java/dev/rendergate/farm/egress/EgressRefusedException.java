package dev.rendergate.farm.egress;

/** The page itself could not be fetched: the egress proxy refused its address, or the render went past a limit. */
public final class EgressRefusedException extends RuntimeException {
    private final String reason;
    private final boolean limit;

    EgressRefusedException(String reason, boolean limit) {
        super(reason);
        this.reason = reason;
        this.limit = limit;
    }

    /** The proxy's reason, as its metrics and log say it ({@code private-address:loopback}, {@code limit:bytes}). */
    public String reason() {
        return reason;
    }

    /** True when a per-render limit was reached, false when the page's address was refused. */
    public boolean limit() {
        return limit;
    }
}
