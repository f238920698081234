package dev.rendergate.farm.inspect;

import dev.rendergate.farm.inspect.seo.ProblemKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Filters, order and page of the snapshot list, from the query string of {@code GET /inspect/api/snapshots}:
 * {@code q} (text in the URL or title), {@code status} ({@code 200}, {@code 4xx}...), {@code flag} (a problem
 * label, {@code any} or {@code none}), {@code engine}, {@code device}, {@code sort} (one of {@link #SORTS}),
 * {@code order} ({@code asc}/{@code desc}), {@code page} (from 1) and {@code size} (1-{@value #MAX_SIZE}).
 */
public record SnapshotQuery(String text, String status, String flag, String engine, String device, String sort,
                            boolean descending, int page, int size) {
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    /** The columns the list sorts by. */
    public static final List<String> SORTS = List.of("url", "device", "status", "title", "renderedAt", "age", "engine",
            "renderMs", "size", "problems");
    private static final int MAX_TEXT = 500;

    /**
     * Reads the query from request parameters ({@code param} answers {@code null} for a missing one).
     *
     * @throws IllegalArgumentException naming the parameter and the values it takes
     */
    public static SnapshotQuery from(Function<String, String> param) {
        String sort = orDefault(param.apply("sort"), "renderedAt");
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of " + String.join(", ", SORTS) + "; got '" + sort + "'");
        }
        String order = orDefault(param.apply("order"), sort.equals("renderedAt") || sort.equals("problems")
                ? "desc" : "asc").toLowerCase(Locale.ROOT);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new IllegalArgumentException("order must be asc or desc; got '" + order + "'");
        }
        String flag = lower(param.apply("flag"));
        if (flag != null && !flag.equals("any") && !flag.equals("none") && ProblemKind.fromLabel(flag) == null) {
            throw new IllegalArgumentException("flag must be any, none or a problem label such as soft-404; got '"
                    + flag + "'");
        }
        String status = lower(param.apply("status"));
        if (status != null && !status.matches("[1-5]xx|[1-5][0-9][0-9]")) {
            throw new IllegalArgumentException("status must be a status code or a class such as 4xx; got '" + status + "'");
        }
        String text = param.apply("q");
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("q may be at most " + MAX_TEXT + " characters");
        }
        return new SnapshotQuery(text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT), status,
                flag, lower(param.apply("engine")), lower(param.apply("device")), sort, order.equals("desc"),
                number(param.apply("page"), "page", 1, 1, Integer.MAX_VALUE),
                number(param.apply("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    boolean matches(SnapshotRow row) {
        return (text == null || row.url().toLowerCase(Locale.ROOT).contains(text)
                || (row.title() != null && row.title().toLowerCase(Locale.ROOT).contains(text)))
                && (status == null || statusMatches(row.status()))
                && (flag == null || flagMatches(row.flags()))
                && (engine == null || engine.equals(row.engine()))
                && (device == null || device.equals(row.device()));
    }

    SnapshotPage page(List<SnapshotRow> rows) {
        Comparator<SnapshotRow> primary = descending ? comparator().reversed() : comparator();
        rows.sort(primary.thenComparing(SnapshotRow::url).thenComparing(SnapshotRow::device));
        long from = (long) (page - 1) * size;
        List<SnapshotRow> items = from >= rows.size() ? List.of()
                : List.copyOf(rows.subList((int) from, (int) Math.min(rows.size(), from + size)));
        return new SnapshotPage(rows.size(), page, size, items);
    }

    private Comparator<SnapshotRow> comparator() {
        return switch (sort) {
            case "url" -> Comparator.comparing(SnapshotRow::url);
            case "device" -> Comparator.comparing(SnapshotRow::device);
            case "status" -> Comparator.comparingInt(SnapshotRow::status);
            case "title" -> Comparator.comparing(r -> r.title() == null ? "" : r.title().toLowerCase(Locale.ROOT));
            case "age" -> Comparator.comparingLong(SnapshotRow::ageSeconds);
            case "engine" -> Comparator.comparing(SnapshotRow::engine);
            case "renderMs" -> Comparator.comparingLong(SnapshotRow::renderMs);
            case "size" -> Comparator.comparingInt(SnapshotRow::bytes);
            case "problems" -> Comparator.comparingInt(SnapshotQuery::problemWeight);
            default -> Comparator.comparing(SnapshotRow::renderedAt);
        };
    }

    /** Worst severity first, then how many. */
    private static int problemWeight(SnapshotRow row) {
        int worst = row.severity() == null ? 0 : switch (row.severity()) {
            case "error" -> 3000;
            case "warning" -> 2000;
            default -> 1000;
        };
        return worst + row.flags().size();
    }

    private boolean statusMatches(int code) {
        return status.endsWith("xx") ? code / 100 == status.charAt(0) - '0' : String.valueOf(code).equals(status);
    }

    private boolean flagMatches(List<String> flags) {
        return switch (flag) {
            case "any" -> !flags.isEmpty();
            case "none" -> flags.isEmpty();
            default -> flags.contains(flag);
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static int number(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + "; got '"
                + value + "'");
    }
}
