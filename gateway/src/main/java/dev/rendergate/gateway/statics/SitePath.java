package dev.rendergate.gateway.statics;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request path turned into a safe relative file key, or the reason it cannot be one.
 *
 * <p>Checks run on the raw path and again on the decoded one, so neither {@code /../} nor
 * {@code %2e%2e}, {@code %2f}, backslashes, NUL or control characters get through; dot-segments are
 * refused outright rather than normalised (a browser never sends them). The file system check that the
 * real path stays under the root comes afterwards, in {@link FileCache}, and catches symlinks.
 */
public sealed interface SitePath {

    /** A relative key such as {@code doctors/index.html} or {@code ""} for the root. */
    record Key(String relative) implements SitePath {
    }

    /** Malformed or hostile: answered with 400. */
    record Rejected(String reason) implements SitePath {
    }

    /** A hidden name ({@code .git}, {@code .env}): answered with 404 as if absent. */
    record Hidden() implements SitePath {
    }

    int MAX_SEGMENTS = 64;

    /** Parses the path part of a request URI (no query string). */
    static SitePath parse(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new Rejected("path must start with /");
        }
        if (rawPath.indexOf('\\') >= 0 || rawPath.indexOf('%') >= 0 && encodesSeparatorOrNul(rawPath)) {
            return new Rejected("encoded separator, backslash or NUL");
        }
        String decoded = percentDecode(rawPath);
        return decoded == null ? new Rejected("bad percent-encoding or UTF-8") : checkSegments(decoded);
    }

    private static boolean encodesSeparatorOrNul(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00");
    }

    private static boolean plainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 percent-decoding of the raw request bytes as UTF-8 ({@code +} stays a plus); null when malformed or not UTF-8. */
    private static String percentDecode(String raw) {
        if (plainAscii(raw)) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c <= 0xFF) {
                // The HTTP decoder maps each raw byte to one char (ISO-8859-1); undo that here.
                out[n++] = (byte) c;
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static SitePath checkSegments(String decoded) {
        int segments = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return new Rejected("control character, backslash or colon");
            }
            if (c == '/') {
                segments++;
            }
        }
        if (segments > MAX_SEGMENTS) {
            return new Rejected("too many segments");
        }
        // Segment by segment, without splitting: the key is the path after its first slash, less a trailing one.
        int start = 1;
        while (start < decoded.length()) {
            int slash = decoded.indexOf('/', start);
            int end = slash < 0 ? decoded.length() : slash;
            int length = end - start;
            if (length == 0) {
                return new Rejected("empty segment");
            }
            if (decoded.charAt(start) == '.') {
                if (length == 1 || length == 2 && decoded.charAt(start + 1) == '.') {
                    return new Rejected("dot-segment");
                }
                if (!(start == 1 && length == ".well-known".length() && decoded.startsWith(".well-known", start))) {
                    return new Hidden();
                }
            }
            if (slash < 0 || slash == decoded.length() - 1) {
                return new Key(decoded.substring(1, end));
            }
            start = end + 1;
        }
        return new Key("");
    }
}
