package dev.rendergate.farm.inspect;

import java.util.Optional;

/** Where the inspector gets the crawl report of recent traffic: the gateway's, when the farm runs inside {@code up}. */
@FunctionalInterface
public interface CrawlReportSource {
    /** No traffic is seen by this process. */
    CrawlReportSource NONE = Optional::empty;

    /** The report of the traffic seen recently, or empty when this process sees none. */
    Optional<?> report();
}
