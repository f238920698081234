package dev.rendergate.farm.render.auto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of one route template (or of a whole site): which engine answers it, and why.
 *
 * @param verdict         who answers
 * @param htmlUnitMillis  HtmlUnit's render times of the renders in a row whose SEO facts matched Chromium's
 * @param chromiumMillis  Chromium's render times of the same pages
 * @param reason          why the verdict is {@code CHROMIUM} ({@link #DISAGREED}, {@link #SLOWER} or the code of
 *                        the HtmlUnit failure), empty otherwise
 * @param differing       the facts that differed at the last disagreement
 * @param since           when this state was reached
 */
public record RouteState(Verdict verdict, List<Long> htmlUnitMillis, List<Long> chromiumMillis, String reason,
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
    /** HtmlUnit agreed every time but was not the faster engine (or too slow for the probe budget). */
    public static final String SLOWER = "htmlunit-slower";

    public RouteState {
        Objects.requireNonNull(verdict, "verdict");
        htmlUnitMillis = List.copyOf(htmlUnitMillis);
        chromiumMillis = List.copyOf(chromiumMillis);
        reason = reason == null ? "" : reason;
        differing = List.copyOf(differing);
        Objects.requireNonNull(since, "since");
    }

    static RouteState learning(Instant now) {
        return new RouteState(Verdict.LEARNING, List.of(), List.of(), "", List.of(), now);
    }

    /** HtmlUnit renders in a row whose facts agreed with Chromium's. */
    public int agreements() {
        return htmlUnitMillis.size();
    }

    /** The median of HtmlUnit's render times over the agreements, 0 without any. */
    public long htmlUnitMedianMillis() {
        return median(htmlUnitMillis);
    }

    /** The median of Chromium's render times over the same pages, 0 without any. */
    public long chromiumMedianMillis() {
        return median(chromiumMillis);
    }

    /**
     * One more agreement. After {@code needed} in a row HtmlUnit answers the route when its fastest render was faster
     * than Chromium's fastest and its median is below {@code htmlUnitLimitMs} (so it fits the probe budget with room
     * to spare). The fastest renders are compared because HtmlUnit's are measured in the background, next to the
     * foreground renders of the same farm: load on the machine only ever adds time, and one cold first render does
     * not decide either.
     */
    RouteState agreed(long htmlUnitMs, long chromiumMs, int needed, long htmlUnitLimitMs, Instant now) {
        List<Long> hu = append(htmlUnitMillis, htmlUnitMs, needed);
        List<Long> ch = append(chromiumMillis, chromiumMs, needed);
        if (verdict != Verdict.LEARNING || hu.size() < needed) {
            return new RouteState(verdict, hu, ch, reason, differing, since);
        }
        boolean faster = Collections.min(hu) < Collections.min(ch) && median(hu) < htmlUnitLimitMs;
        return faster ? new RouteState(Verdict.HTMLUNIT, hu, ch, "", List.of(), now)
                : new RouteState(Verdict.CHROMIUM, hu, ch, SLOWER, List.of(), now);
    }

    /** HtmlUnit's render differed: Chromium answers from now on. */
    RouteState disagreed(List<String> fields, Instant now) {
        return new RouteState(Verdict.CHROMIUM, List.of(), List.of(), DISAGREED, fields, now);
    }

    /** HtmlUnit failed (its reason code): Chromium answers from now on. */
    RouteState htmlUnitFailed(String code, Instant now) {
        return new RouteState(Verdict.CHROMIUM, List.of(), List.of(), code, List.of(), now);
    }

    /** True when HtmlUnit's render of this route is known to be right (it agreed, whoever is faster). */
    public boolean htmlUnitProven() {
        return verdict == Verdict.HTMLUNIT || (verdict == Verdict.CHROMIUM && reason.equals(SLOWER))
                || (verdict == Verdict.LEARNING && agreements() > 0);
    }

    /** True when HtmlUnit's render of this route was found to differ from Chromium's. */
    public boolean disagreed() {
        return reason.equals(DISAGREED);
    }

    /** The form kept in Redis: fields joined by {@code |}, list items by {@code ;}. */
    String encode() {
        return String.join("|", verdict.name(), join(htmlUnitMillis), join(chromiumMillis),
                Long.toString(since.toEpochMilli()), reason, String.join(";", differing));
    }

    /** Reads {@link #encode()}'s form; empty for anything else (an older or foreign value is relearned). */
    static Optional<RouteState> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.split("\\|", -1);
        try {
            List<String> differing = f[5].isEmpty() ? List.of() : Arrays.asList(f[5].split(";"));
            return Optional.of(new RouteState(Verdict.valueOf(f[0]), longs(f[1]), longs(f[2]), f[4], differing,
                    Instant.ofEpochMilli(Long.parseLong(f[3]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Long> append(List<Long> list, long value, int keep) {
        List<Long> out = new ArrayList<>(list);
        out.add(value);
        return out.size() > keep ? out.subList(out.size() - keep, out.size()) : out;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String join(List<Long> values) {
        return String.join(";", values.stream().map(String::valueOf).toList());
    }

    private static List<Long> longs(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(";")).map(Long::valueOf).toList();
    }
}
