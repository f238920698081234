package dev.rendergate.farm.freshness;

import java.util.List;

/**
 * What a recache did: how many snapshots were re-rendered and replaced, how many were only dropped
 * (cached elsewhere, or named by a prefix), and which renders failed and why; the JSON body
 * {@code POST /recache} answers.
 *
 * @param recached    snapshots re-rendered and stored
 * @param invalidated snapshots dropped from every tier so the next request renders them
 * @param failed      renders that failed, with their reasons (the old snapshot stays)
 */
public record RecacheSummary(int recached, long invalidated, List<Failure> failed) {

    public RecacheSummary {
        failed = List.copyOf(failed);
    }

    /**
     * One failed recache.
     *
     * @param url    the URL as requested
     * @param device the device label
     * @param reason the farm's short reason, as in {@code X-Rendergate-Reason}
     */
    public record Failure(String url, String device, String reason) {
    }
}
