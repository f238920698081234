package dev.rendergate.farm.freshness;

import java.time.Duration;
import java.util.List;

/**
 * What a warm run did.
 *
 * @param rendered renders (or recaches) that succeeded
 * @param skipped  URL and device pairs already fresh
 * @param failed   the failures, in the order they happened
 * @param elapsed  how long the run took
 */
public record WarmReport(int rendered, int skipped, List<Failure> failed, Duration elapsed) {

    public WarmReport {
        failed = List.copyOf(failed);
    }

    /**
     * One failed render.
     *
     * @param url    the page
     * @param device the device label
     * @param status the answered HTTP status, 0 when none came
     * @param reason the farm's reason ({@code X-Rendergate-Reason}) or the client's ({@code timeout} ...)
     */
    public record Failure(String url, String device, int status, String reason) {
    }
}
