package dev.rendergate.edge.detect;

/**
 * ASCII-only lower-casing for User-Agents, header names, paths and extensions: locale-independent
 * ({@code String.toLowerCase()} depends on the default locale, e.g. the Turkish dotless i) and identical
 * on the JVM and in the JavaScript build.
 */
public final class AsciiCase {

    private AsciiCase() {
    }

    /**
     * @param text any text
     * @return the text with A-Z lowered; the same instance when it has none
     */
    public static String lower(String text) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
            }
        }
        return new String(chars);
    }
}
