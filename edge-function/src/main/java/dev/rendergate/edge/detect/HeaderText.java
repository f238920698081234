package dev.rendergate.edge.detect;

/**
 * What counts as blank in a header value, written out so that both builds agree: compiled to JavaScript,
 * {@link String#isBlank} recognises only the space, where the JVM's takes any whitespace.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /**
     * Tells whether a header value has no content: empty, or only the spaces and tabs HTTP allows around
     * a value. Any other control character is content, and for a User-Agent it means malformed.
     *
     * @param value a header value
     * @return true when it is empty or holds only spaces and tabs
     */
    public static boolean isBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isOptionalWhitespace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the spaces and tabs HTTP allows before and after a field value (RFC 9110's optional whitespace),
     * which are not part of the value: {@code "Googlebot/2.1\t"} is {@code "Googlebot/2.1"}.
     *
     * @param value a header value
     * @return the value without leading and trailing spaces and tabs; the same instance when it has none
     */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOptionalWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isOptionalWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    private static boolean isOptionalWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
