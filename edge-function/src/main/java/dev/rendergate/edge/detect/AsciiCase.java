package dev.rendergate.edge.detect;

/** ASCII-only lower-casing: locale-independent and identical on the JVM and in JavaScript. */
final class AsciiCase {

    private AsciiCase() {
    }

    static String lower(String text) {
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
