package dev.rendergate.edge.verify;

/** Hears of every claimed crawler that failed verification (log and enforce modes). */
public interface UnverifiedCrawlers {

    /**
     * @param crawler  the claimed crawler's stable name
     * @param clientIp the viewer's address
     * @param mode     the mode in force: {@link VerificationMode#ENFORCE} means it was served as a person
     */
    void unverified(String crawler, String clientIp, VerificationMode mode);

    /**
     * The structured log line for one unverified crawler:
     * {@code event=crawler-unverified crawler=googlebot client=203.0.113.9 mode=enforce served=person}.
     * The address is written only when it parses as one, so the line cannot be forged through it.
     *
     * @param crawler  the crawler's stable name (from the classifier's fixed list)
     * @param clientIp the viewer's address
     * @param mode     the mode in force
     * @return the line
     */
    static String logLine(String crawler, String clientIp, VerificationMode mode) {
        String client = IpAddress.parse(clientIp) == null ? "invalid" : clientIp.trim();
        return "event=crawler-unverified crawler=" + crawler + " client=" + client + " mode=" + mode.label()
                + " served=" + (mode == VerificationMode.ENFORCE ? "person" : "crawler");
    }

    /**
     * @return a listener printing {@link #logLine} to standard output, which the Lambda runtimes send to
     *         CloudWatch Logs
     */
    static UnverifiedCrawlers standardOutput() {
        return new UnverifiedCrawlers() {
            @Override
            public void unverified(String crawler, String clientIp, VerificationMode mode) {
                System.out.println(logLine(crawler, clientIp, mode));
            }
        };
    }
}
