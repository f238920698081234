package dev.rendergate.farm.render.auto;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of one route template (or of a whole site): which engine answers it, and why.
 *
 * @param verdict         who answers
 * @param agreements      HtmlUnit renders in a row whose SEO facts matched Chromium's
 * @param htmlUnitMillis  HtmlUnit's render time summed over those agreements
 * @param chromiumMillis  Chromium's render time summed over the same renders
 * @param reason          why the verdict is {@code CHROMIUM} ({@link #DISAGREED}, {@link #SLOWER} or the code of
 *                        the HtmlUnit failure), empty otherwise
 * @param differing       the facts that differed at the last disagreement
 * @param since           when this state was reached
 */
public record RouteState(Verdict verdict, int agreements, long htmlUnitMillis, long chromiumMillis, String reason,
                         List<String> differing, Instant since) {

    /** Who answers a route. */
    public enum Verdict {
        /** Chromium answers; HtmlUnit renders the same pages in the background to be compared. */
        LEARNING,
        /** HtmlUnit earned the route: it answers alone under the probe budget, a sample is checked again. */
        HTMLUNIT,
        /** Chromium answers; HtmlUnit is not tried again until the knowledge is relearned. */
        CHROMIUM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** HtmlUnit's facts differed from Chromium's. */
    public static final String DISAGREED = "disagreed";
    /** HtmlUnit agreed every time but was not faster than Chromium. */
    public static final String SLOWER = "htmlunit-slower";

    public RouteState {
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        differing = List.copyOf(differing);
        Objects.requireNonNull(since, "since");
    }

    static RouteState learning(Instant now) {
        return new RouteState(Verdict.LEARNING, 0, 0, 0, "", List.of(), now);
    }

    /** One more agreement; after {@code needed} in a row HtmlUnit answers if it was the faster engine. */
    RouteState agreed(long htmlUnitMs, long chromiumMs, int needed, Instant now) {
        int n = agreements + 1;
        long hu = htmlUnitMillis + htmlUnitMs;
        long ch = chromiumMillis + chromiumMs;
        if (verdict != Verdict.LEARNING || n < needed) {
            return new RouteState(verdict, n, hu, ch, reason, differing, since);
        }
        return hu < ch ? new RouteState(Verdict.HTMLUNIT, n, hu, ch, "", List.of(), now)
                : new RouteState(Verdict.CHROMIUM, n, hu, ch, SLOWER, List.of(), now);
    }

    /** HtmlUnit's render differed: Chromium answers from now on. */
    RouteState disagreed(List<String> fields, Instant now) {
        return new RouteState(Verdict.CHROMIUM, 0, 0, 0, DISAGREED, fields, now);
    }

    /** HtmlUnit failed (its reason code): Chromium answers from now on. */
    RouteState htmlUnitFailed(String code, Instant now) {
        return new RouteState(Verdict.CHROMIUM, 0, 0, 0, code, List.of(), now);
    }

    /** True when HtmlUnit's render of this route is known to be right (it agreed, whoever is faster). */
    public boolean htmlUnitProven() {
        return verdict == Verdict.HTMLUNIT || (verdict == Verdict.CHROMIUM && reason.equals(SLOWER))
                || (verdict == Verdict.LEARNING && agreements > 0);
    }

    /** True when HtmlUnit's render of this route was found to differ from Chromium's. */
    public boolean disagreed() {
        return reason.equals(DISAGREED);
    }

    /** The form kept in Redis: fields joined by {@code |}, the differing facts by {@code ;}. */
    String encode() {
        return String.join("|", verdict.name(), Integer.toString(agreements), Long.toString(htmlUnitMillis),
                Long.toString(chromiumMillis), Long.toString(since.toEpochMilli()), reason, String.join(";", differing));
    }

    /** Reads {@link #encode()}'s form; empty for anything else (an older or foreign value is relearned). */
    static Optional<RouteState> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.split("\\|", -1);
        try {
            List<String> differing = f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(";"));
            return Optional.of(new RouteState(Verdict.valueOf(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), f[5], differing, Instant.ofEpochMilli(Long.parseLong(f[4]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
