package dev.rendergate.edge.detect;

import java.util.Locale;

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
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return lowerAsciiOnly(text);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        // On ASCII text the root locale's rules are exactly A-Z to a-z; in the JavaScript build this is the
        // engine's own toLowerCase, where building the string from a char array would copy it twice.
        return upper ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** Text with characters beyond ASCII, whose lower-casing would differ from A-Z to a-z. */
    private static String lowerAsciiOnly(String text) {
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
                changed = true;
            }
        }
        return changed ? new String(chars) : text;
    }
}
