package dev.rendergate.farm.freshness;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) with {@code *}, lists
 * ({@code 1,15}), ranges ({@code 1-5}) and steps ({@code *}{@code /15}, {@code 8-18/2}); day of week 0-7,
 * 0 and 7 both Sunday. As in classic cron, when both day fields are restricted a day matching either runs.
 */
public final class CronExpression {
    /** Searching further than this for the next run means the expression never fires (e.g. 30 February). */
    private static final int MAX_STEPS = 200_000;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], 0, 59, "minute");
        this.hours = field(fields[1], 0, 23, "hour");
        this.daysOfMonth = field(fields[2], 1, 31, "day of month");
        this.months = field(fields[3], 1, 12, "month");
        BitSet dow = field(fields[4], 0, 7, "day of week");
        if (dow.get(7)) {
            dow.set(0);
        }
        this.daysOfWeek = dow;
        this.anyDayOfMonth = fields[2].equals("*");
        this.anyDayOfWeek = fields[4].equals("*");
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the field and the bad value
     */
    public static CronExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month "
                    + "day-of-week), got " + fields.length + " in '" + text + "'");
        }
        return new CronExpression(text.trim(), fields);
    }

    /**
     * The first time strictly after {@code after} (to the minute, in its zone) at which this expression
     * fires.
     *
     * @throws IllegalStateException if it never fires (e.g. {@code 0 0 30 2 *})
     */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int step = 0; step < MAX_STEPS; step++) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalStateException("cron expression '" + text + "' never fires");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String spec, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            addPart(bits, part.toLowerCase(Locale.ROOT), min, max, name, spec);
        }
        return bits;
    }

    private static void addPart(BitSet bits, String part, int min, int max, String name, String spec) {
        int slash = part.indexOf('/');
        String range = slash < 0 ? part : part.substring(0, slash);
        int step = slash < 0 ? 1 : number(part.substring(slash + 1), 1, max - min + 1, name, spec);
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ends = range.split("-", 2);
            from = number(ends[0], min, max, name, spec);
            to = number(ends[1], min, max, name, spec);
            if (from > to) {
                throw new IllegalArgumentException(name + " range '" + range + "' runs backwards in '" + spec + "'");
            }
        } else {
            from = number(range, min, max, name, spec);
            to = slash < 0 ? from : max;
        }
        for (int v = from; v <= to; v += step) {
            bits.set(v);
        }
    }

    private static int number(String s, int min, int max, String name, String spec) {
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", got '" + s + "' in '" + spec + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
