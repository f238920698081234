package dev.rendergate.edge.verify;

import java.util.Objects;

/**
 * Applies a {@link VerificationMode} to claimed crawlers: {@code off} admits every one unchecked;
 * {@code log} checks, reports the unverified ones and still admits them; {@code enforce} checks, reports
 * the unverified ones and refuses them, so the caller treats them as people. A crawler no check can
 * verify ({@link CrawlerCheck.Outcome#NOT_CHECKED}) is admitted in every mode.
 */
public final class CrawlerVerification {

    private final VerificationMode mode;
    private final CrawlerCheck check;
    private final UnverifiedCrawlers unverified;

    private CrawlerVerification(VerificationMode mode, CrawlerCheck check, UnverifiedCrawlers unverified) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.check = Objects.requireNonNull(check, "check");
        this.unverified = Objects.requireNonNull(unverified, "unverified");
    }

    /**
     * @param mode       the mode
     * @param check      how crawlers are checked
     * @param unverified told of every unverified crawler (log and enforce)
     * @return the verification
     */
    public static CrawlerVerification of(VerificationMode mode, CrawlerCheck check, UnverifiedCrawlers unverified) {
        return new CrawlerVerification(mode, check, unverified);
    }

    /**
     * The edge's verification: the bundled published ranges, unverified crawlers printed as log lines.
     *
     * @param mode the mode
     * @return the verification
     */
    public static CrawlerVerification bundled(VerificationMode mode) {
        return new CrawlerVerification(mode, mode == VerificationMode.OFF ? NONE : PublishedRanges.bundled(),
                UnverifiedCrawlers.standardOutput());
    }

    /** @return the mode */
    public VerificationMode mode() {
        return mode;
    }

    /**
     * @param crawler  the claimed crawler's stable name
     * @param clientIp the viewer's address as CloudFront or the socket gives it, never a header's
     * @return whether to treat the request as that crawler
     */
    public boolean admits(String crawler, String clientIp) {
        if (mode == VerificationMode.OFF || check.check(crawler, clientIp) != CrawlerCheck.Outcome.UNVERIFIED) {
            return true;
        }
        unverified.unverified(crawler, clientIp, mode);
        return mode != VerificationMode.ENFORCE;
    }

    /** Used in off mode, so that the bundled lists are not even parsed. */
    private static final CrawlerCheck NONE = new CrawlerCheck() {
        @Override
        public Outcome check(String crawler, String clientIp) {
            return Outcome.NOT_CHECKED;
        }
    };
}
