package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.detect.AsciiHex;
/**
 * What the edge needs to know about a request path: its normalised form for prefix checks and the
 * extension of its last segment.
 *
 * <p>Percent-escapes of ASCII characters are decoded first, so {@code /%61pi/} is {@code /api/} and
 * {@code /app%2Ejs} ends in {@code js}, as the origin would see them. A query or fragment that slipped
 * into the path is cut off. Only ASCII is decoded: multi-byte escapes cannot form an extension or one of
 * the configured prefixes, and decoding them would make the result depend on a charset.
 *
 * @param normalized the path, ASCII escapes decoded, lower case
 * @param extension  the last segment's extension without the dot, lower case; empty for none
 */
record RequestPath(String normalized, String extension) {

    /** Room for {@code webmanifest} (11 characters) and its kind; a longer tail is a word, not a file type. */
    private static final int MAX_EXTENSION = 16;

    static RequestPath of(String uri) {
        // One pass finds the end of the path and whether it needs decoding or lower-casing: most paths need
        // neither and are their own normalised form.
        int end = uri.length();
        boolean plain = true;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
            plain &= c != '%' && (c < 'A' || c > 'Z');
        }
        String path = end == uri.length() ? uri : uri.substring(0, end);
        String normalized = plain ? path : AsciiCase.lower(decodeAscii(path));
        return new RequestPath(normalized, extensionOf(normalized));
    }

    boolean hasExtension() {
        return !extension.isEmpty();
    }

    private static String decodeAscii(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder decoded = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int high = AsciiHex.digit(path.charAt(i + 1));
                int low = AsciiHex.digit(path.charAt(i + 2));
                if (high >= 0 && low >= 0 && high < 8) {
                    decoded.append((char) (high * 16 + low));
                    i += 3;
                    continue;
                }
            }
            decoded.append(c);
            i++;
        }
        return decoded.toString();
    }

    /**
     * An extension is 1–16 letters or digits, at least one a letter, after the last dot of the last
     * segment; so {@code /v1.2}, {@code /doctors/17-dr.-smith} and {@code /.well-known/} have none.
     */
    private static String extensionOf(String path) {
        int dot = -1;
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                dot = i;
                break;
            }
        }
        // No dot in the last segment, a dot that starts it (a dot-file), or one that ends it: no extension.
        if (dot < 1 || path.charAt(dot - 1) == '/' || dot == path.length() - 1
                || path.length() - dot - 1 > MAX_EXTENSION) {
            return "";
        }
        boolean letter = false;
        for (int i = dot + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (c < '0' || c > '9') {
                return "";
            }
        }
        return letter ? path.substring(dot + 1) : "";
    }
}
