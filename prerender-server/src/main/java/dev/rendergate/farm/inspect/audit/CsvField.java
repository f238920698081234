package dev.rendergate.farm.inspect.audit;

/** One CSV field as RFC 4180 writes it, safe to open in a spreadsheet (the audit's and the crawl report's CSV). */
public final class CsvField {
    private CsvField() {
    }

    /**
     * {@code value} quoted when it holds a comma, quote or line break; a leading {@code = + - @} would be a formula
     * in a spreadsheet, so such a value is written as text ({@code '} prepended, quoted). {@code null} is empty.
     */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
