package dev.rendergate.gateway.statics;

/**
 * The outcome of a {@code Range} header against a representation of known length. Only a single
 * byte range is honoured; several ranges, other units or bad syntax are ignored (the full body is
 * sent), as RFC 9110 allows.
 */
sealed interface ByteRange {

    /** No usable range: send everything with 200. */
    record Whole() implements ByteRange {
    }

    /** Send {@code [first, last]} (inclusive) with 206. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Nothing of the body is in range: 416. */
    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange parse(String header, long length) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6) || header.indexOf(',') >= 0) {
            return new Whole();
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.length() > 40) {
            return new Whole();
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                return suffix(Long.parseLong(to), length);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? length - 1 : Long.parseLong(to);
            if (first >= length) {
                return new Unsatisfiable();
            }
            return last < first ? new Whole() : new Part(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }

    private static ByteRange suffix(long count, long length) {
        if (count < 0) {
            return new Whole();
        }
        if (count == 0 || length == 0) {
            return new Unsatisfiable();
        }
        return new Part(Math.max(0, length - count), length - 1);
    }
}
