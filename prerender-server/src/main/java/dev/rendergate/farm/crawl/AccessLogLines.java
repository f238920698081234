package dev.rendergate.farm.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rendergate.farm.http.FarmJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lines of the two access logs the crawl report knows: the gateway's JSON lines (logger
 * {@code rendergate.access}; other loggers' lines in the same stream are not requests) and CloudFront's standard
 * log (tab-separated, its columns named by a {@code #Fields:} line). One instance per file: a CloudFront file's
 * column order is learnt from its header.
 */
public final class AccessLogLines {
    /** Longest line read; a longer one is skipped (a log line is a few hundred bytes). */
    public static final int MAX_LINE = 64 * 1024;
    private static final String ACCESS_LOGGER = "rendergate.access";

    private Map<String, Integer> cloudFrontColumns;

    /**
     * The request on {@code line}, or empty for a line that is not one (a header, another logger's line, a
     * malformed or oversized line).
     */
    public Optional<AccessRecord> parse(String line) {
        if (line.isEmpty() || line.length() > MAX_LINE) {
            return Optional.empty();
        }
        if (line.charAt(0) == '{') {
            return gatewayLine(line);
        }
        if (line.startsWith("#Fields:")) {
            cloudFrontColumns = columns(line.substring("#Fields:".length()).trim().split("\\s+"));
            return Optional.empty();
        }
        if (line.charAt(0) == '#' || cloudFrontColumns == null) {
            return Optional.empty();
        }
        return cloudFrontLine(line);
    }

    /** A fields map of the gateway's access log (a JSON line's members, or an in-process event's key-value pairs). */
    public static Optional<AccessRecord> fromFields(String timestamp, Map<String, ?> fields) {
        try {
            LocalDate day = Instant.parse(timestamp).atOffset(ZoneOffset.UTC).toLocalDate();
            Object status = fields.get("status");
            Object path = fields.get("path");
            if (status == null || path == null) {
                return Optional.empty();
            }
            return Optional.of(new AccessRecord(day, text(fields.get("method"), "GET"), path.toString(),
                    Integer.parseInt(status.toString()), text(fields.get("ua"), ""), text(fields.get("cache"), null),
                    number(fields.get("render_ms"), number(fields.get("ms"), -1))));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<AccessRecord> gatewayLine(String line) {
        JsonNode node;
        try {
            node = FarmJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!node.isObject() || !ACCESS_LOGGER.equals(node.path("logger").asText()) || !node.path("ts").isTextual()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new HashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return fromFields(node.path("ts").asText(), fields);
    }

    private Optional<AccessRecord> cloudFrontLine(String line) {
        String[] cells = line.split("\t", -1);
        String date = cell(cells, "date");
        String status = cell(cells, "sc-status");
        String path = cell(cells, "cs-uri-stem");
        if (date == null || status == null || path == null) {
            return Optional.empty();
        }
        try {
            String taken = cell(cells, "time-taken");
            return Optional.of(new AccessRecord(LocalDate.parse(date), orElse(cell(cells, "cs-method"), "GET"), path,
                    Integer.parseInt(status), userAgent(orElse(cell(cells, "cs(User-Agent)"), "")),
                    cell(cells, "x-edge-result-type"), taken == null ? -1 : Double.parseDouble(taken) * 1000));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** CloudFront writes the User-Agent URL-encoded (and sometimes encoded twice: %2520 for a space). */
    static String userAgent(String encoded) {
        String ua = encoded;
        for (int i = 0; i < 2 && ua.indexOf('%') >= 0; i++) {
            try {
                ua = URLDecoder.decode(ua.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return ua;
            }
        }
        return ua.equals("-") ? "" : ua;
    }

    private String cell(String[] cells, String column) {
        Integer i = cloudFrontColumns.get(column);
        if (i == null || i >= cells.length) {
            return null;
        }
        String value = cells[i];
        return value.isEmpty() || value.equals("-") && !column.equals("cs(User-Agent)") ? null : value;
    }

    private static Map<String, Integer> columns(String[] names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], i);
        }
        return columns;
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isEmpty() ? fallback : value.toString();
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static double number(Object value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
