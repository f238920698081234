package dev.rendergate.farm.render.chromium;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Chromium engine launches and drives its browser.
 *
 * @param executable the Chromium binary (or Debian's launcher script, which execs it)
 * @param tabs pre-opened tabs kept in the pool; also the number of concurrent renders
 * @param launchTimeout how long the browser may take to answer its first DevTools call
 * @param extraFlags flags added after the built-in ones
 * @param callTimeout the longest any single DevTools call may take
 * @param quietPeriod how long the network must stay idle before a page without
 *     {@code window.prerenderReady} counts as done
 * @param pollInterval how often readiness is checked
 * @param maxMessageChars the largest DevTools message accepted, in bytes of JSON (bounds the size of a snapshot)
 * @param profileParent where each launch makes its fresh profile directory; null for the system's temporary directory
 */
public record ChromiumOptions(
        Path executable,
        int tabs,
        Duration launchTimeout,
        List<String> extraFlags,
        Duration callTimeout,
        Duration quietPeriod,
        Duration pollInterval,
        int maxMessageChars,
        Path profileParent) {

    public ChromiumOptions {
        Objects.requireNonNull(executable, "executable");
        if (tabs < 1 || tabs > 64) {
            throw new IllegalArgumentException("tabs must be 1..64, was " + tabs);
        }
        requirePositive(launchTimeout, "launchTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(quietPeriod, "quietPeriod");
        requirePositive(pollInterval, "pollInterval");
        extraFlags = List.copyOf(extraFlags);
        if (maxMessageChars < 1 << 16) {
            throw new IllegalArgumentException("maxMessageChars must be at least 65536, was " + maxMessageChars);
        }
    }

    /** The system Chromium (or {@code /usr/bin/chromium}), 2 tabs, 500 ms quiet period, 50 ms polling. */
    public static ChromiumOptions defaults() {
        return new ChromiumOptions(
                ChromiumBrowser.findExecutable().orElse(Path.of("/usr/bin/chromium")),
                2,
                Duration.ofSeconds(20),
                List.of(),
                Duration.ofSeconds(5),
                Duration.ofMillis(500),
                Duration.ofMillis(50),
                32 << 20,
                null);
    }

    public ChromiumOptions withExecutable(Path value) {
        return new ChromiumOptions(value, tabs, launchTimeout, extraFlags, callTimeout, quietPeriod, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withTabs(int value) {
        return new ChromiumOptions(executable, value, launchTimeout, extraFlags, callTimeout, quietPeriod, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withLaunchTimeout(Duration value) {
        return new ChromiumOptions(executable, tabs, value, extraFlags, callTimeout, quietPeriod, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withExtraFlags(List<String> value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, value, callTimeout, quietPeriod, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withCallTimeout(Duration value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, extraFlags, value, quietPeriod, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withQuietPeriod(Duration value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, extraFlags, callTimeout, value, pollInterval, maxMessageChars, profileParent);
    }

    public ChromiumOptions withPollInterval(Duration value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, extraFlags, callTimeout, quietPeriod, value, maxMessageChars, profileParent);
    }

    public ChromiumOptions withMaxMessageChars(int value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, extraFlags, callTimeout, quietPeriod, pollInterval, value, profileParent);
    }

    public ChromiumOptions withProfileParent(Path value) {
        return new ChromiumOptions(executable, tabs, launchTimeout, extraFlags, callTimeout, quietPeriod, pollInterval,
                maxMessageChars, value);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
