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
            char c = value.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
