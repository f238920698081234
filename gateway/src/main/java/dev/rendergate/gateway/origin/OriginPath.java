package dev.rendergate.gateway.origin;

import dev.rendergate.gateway.statics.SitePath;
import java.nio.charset.StandardCharsets;

/**
 * A viewer's request path as the origin will see it: checked by the same rules as a folder path
 * ({@link SitePath}: no dot-segments, encoded separators, backslashes or NUL, no hidden names), then
 * re-encoded from its decoded segments, so the origin never receives a spelling the edge did not
 * check. A path ending in {@code /} names that folder's {@code index.html}, as on the folder site.
 */
final class OriginPath {

    private OriginPath() {
    }

    /** The encoded path for the origin ({@code /a/b.js}); null when the path is refused (400) or hidden (404). */
    static String of(String rawPath) {
        if (!(SitePath.parse(rawPath) instanceof SitePath.Key key)) {
            return null;
        }
        String relative = key.relative();
        if (rawPath.endsWith("/")) {
            relative = relative.isEmpty() ? "index.html" : relative + "/index.html";
        }
        StringBuilder out = new StringBuilder(relative.length() + 8);
        for (String segment : relative.split("/", -1)) {
            out.append('/');
            encode(segment, out);
        }
        return out.toString();
    }

    /** True when the raw path is malformed or hostile (as opposed to merely hidden). */
    static boolean rejected(String rawPath) {
        return SitePath.parse(rawPath) instanceof SitePath.Rejected;
    }

    private static void encode(String segment, StringBuilder out) {
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
