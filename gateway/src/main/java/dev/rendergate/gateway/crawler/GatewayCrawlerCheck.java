package dev.rendergate.gateway.crawler;

import dev.rendergate.edge.verify.CrawlerCheck;
import java.util.Objects;

/**
 * The gateway's check: the published ranges first (no DNS); an address outside them, or a crawler
 * without published ranges, is then checked by forward-confirmed reverse DNS when its operator documents
 * domains, which also covers a stored list that has gone stale.
 */
public final class GatewayCrawlerCheck implements CrawlerCheck {

    private final CrawlerCheck ranges;
    private final ReverseDnsCheck reverseDns;

    /**
     * @param ranges     the published ranges
     * @param reverseDns forward-confirmed reverse DNS
     */
    public GatewayCrawlerCheck(CrawlerCheck ranges, ReverseDnsCheck reverseDns) {
        this.ranges = Objects.requireNonNull(ranges, "ranges");
        this.reverseDns = Objects.requireNonNull(reverseDns, "reverseDns");
    }

    @Override
    public Outcome check(String crawler, String clientIp) {
        Outcome byRanges = ranges.check(crawler, clientIp);
        if (byRanges == Outcome.VERIFIED || !ReverseDnsCheck.covers(crawler)) {
            return byRanges;
        }
        return reverseDns.check(crawler, clientIp);
    }

    /** @return the reverse DNS check, whose {@link ReverseDnsCheck#lookup} a caller on an event loop starts first */
    public ReverseDnsCheck reverseDns() {
        return reverseDns;
    }
}
