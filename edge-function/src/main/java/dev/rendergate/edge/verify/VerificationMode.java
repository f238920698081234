package dev.rendergate.edge.verify;

import dev.rendergate.edge.detect.AsciiCase;

/** What the edge does with a request whose claimed crawler could not be verified. */
public enum VerificationMode {
    /** No check: every claimed crawler is treated as one. */
    OFF("off"),
    /** Check and log an unverified crawler, but still treat it as one. */
    LOG("log"),
    /** Check; an unverified crawler is logged and treated as a person. */
    ENFORCE("enforce");

    private final String label;

    VerificationMode(String label) {
        this.label = label;
    }

    /** @return the lower-case label used in settings and logs */
    public String label() {
        return label;
    }

    /**
     * @param label {@code off}, {@code log} or {@code enforce}, in any ASCII case
     * @return the mode
     * @throws IllegalArgumentException naming the setting, the bad value and the accepted ones
     */
    public static VerificationMode fromLabel(String label) {
        String wanted = label == null ? "" : AsciiCase.lower(label.trim());
        for (VerificationMode mode : values()) {
            if (mode.label.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("crawlerVerification must be off, log or enforce, was '" + label + "'");
    }
}
