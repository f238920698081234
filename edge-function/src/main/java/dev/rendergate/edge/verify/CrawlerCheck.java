package dev.rendergate.edge.verify;

/** Tells whether a request claiming a crawler comes from that crawler's operator. */
public interface CrawlerCheck {

    /** What a check found. */
    enum Outcome {
        /** The address belongs to the crawler's operator. */
        VERIFIED,
        /** The crawler can be checked and the address does not belong to its operator. */
        UNVERIFIED,
        /** This check has no way to verify the crawler (no published ranges, or no DNS here). */
        NOT_CHECKED
    }

    /**
     * @param crawler  the crawler's stable name from the classifier, e.g. {@code googlebot}
     * @param clientIp the viewer's address as CloudFront or the socket gives it
     * @return the outcome; never null
     */
    Outcome check(String crawler, String clientIp);
}
