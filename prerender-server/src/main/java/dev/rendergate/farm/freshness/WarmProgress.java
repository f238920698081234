package dev.rendergate.farm.freshness;

import java.time.Duration;

/**
 * Where a warm run stands: how many renders are done, skipped as fresh and failed, out of how many, and
 * how long the rest should take at the pace so far.
 *
 * @param total    renders planned (URLs × devices)
 * @param rendered rendered (or recached) successfully
 * @param skipped  already fresh, not rendered
 * @param failed   failed
 * @param elapsed  time since the run began
 */
public record WarmProgress(int total, int rendered, int skipped, int failed, Duration elapsed) {

    public int done() {
        return rendered + skipped + failed;
    }

    /** The remaining time at the average pace so far, or {@code null} before anything is done. */
    public Duration eta() {
        if (done() == 0) {
            return null;
        }
        return Duration.ofMillis(elapsed.toMillis() * (total - done()) / done());
    }

    /** A one-line bar for a terminal, e.g. {@code [#####-----] 50% 320/640 rendered 300 skipped 15 failed 5 ETA 1m20s}. */
    public String bar(int width) {
        int filled = total == 0 ? width : (int) ((long) width * done() / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + line();
    }

    /** The counts as one plain line, for logs and non-terminal output. */
    public String line() {
        int percent = total == 0 ? 100 : (int) (100L * done() / total);
        Duration eta = eta();
        return percent + "% " + done() + "/" + total + " rendered " + rendered + " skipped " + skipped + " failed "
                + failed + " ETA " + (eta == null ? "?" : human(eta));
    }

    /** {@code 1h02m}, {@code 3m05s}, {@code 12s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
