package dev.rendergate.edge.request;

/**
 * Locale-independent ASCII lower-casing for header names, paths and extensions.
 *
 * <p>Header names and URL syntax are ASCII; using {@code String.toLowerCase()} would depend on the
 * default locale (the Turkish dotless i) and behave differently on the JVM and in the JS build.
 */
final class AsciiCase {

    private AsciiCase() {
    }

    static String lower(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return lowerFrom(text, i);
            }
        }
        return text;
    }

    private static String lowerFrom(String text, int first) {
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
