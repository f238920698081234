package dev.rendergate.gateway.route;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request path checked and normalised before any route is matched, so the gateway and the service behind a
 * route read it alike.
 *
 * <p>Normalised as RFC 3986 says (section 6.2.2): escapes of unreserved characters are decoded ({@code %61pi} is
 * {@code api}), the others kept with upper-case hex, and bytes a path may not hold raw are escaped. Refused, as
 * ambiguous: encoded slashes, backslashes and NUL; escapes of {@code %} (double encoding, which a second decoder
 * would turn into {@code ..}); backslashes and control characters; dot-segments, also when decoded or followed by
 * path parameters ({@code ..;}, which servlet containers strip before resolving); empty segments; bad escapes or
 * UTF-8. A browser sends none of these.
 */
public sealed interface RequestPath {

    /** The normalised path, safe to match on and to forward as it is. */
    record Checked(String path) implements RequestPath {
    }

    /** Ambiguous or malformed: answered with 400. */
    record Refused(String reason) implements RequestPath {
    }

    int MAX_SEGMENTS = 128;

    /** Checks the path part of a request target (no query string). */
    static RequestPath parse(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new Refused("path must start with /");
        }
        if (plain(rawPath)) {
            String problem = plainSegmentProblem(rawPath);
            return problem == null ? new Checked(rawPath) : new Refused(problem);
        }
        StringBuilder normalised = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int octet = i + 2 < rawPath.length() ? octet(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (octet < 0) {
                    return new Refused("bad percent-encoding");
                }
                if (octet == '/' || octet == '\\' || octet == 0) {
                    return new Refused("encoded slash, backslash or NUL");
                }
                if (octet == '%' && i + 4 < rawPath.length() && octet(rawPath.charAt(i + 3), rawPath.charAt(i + 4)) >= 0) {
                    return new Refused("double percent-encoding");
                }
                appendOctet(octet, normalised);
                i += 2;
            } else if (c == '\\' || c < 0x20 || c == 0x7f || c > 0xff) {
                return new Refused("backslash or control character");
            } else if (c == '/' || allowedRaw(c)) {
                normalised.append(c);
            } else {
                // The HTTP decoder hands over each raw byte as one char (ISO-8859-1); escape it as that byte.
                escape(c, normalised);
            }
        }
        String path = normalised.toString();
        String problem = segmentProblem(path);
        return problem == null ? new Checked(path) : new Refused(problem);
    }

    /** Only slashes and characters a segment may hold raw: the path is its own normal form and decodes to itself. */
    static boolean plain(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '/' && !allowedRaw(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #segmentProblem} for a {@link #plain} path, without decoding or splitting it (what browsers send). */
    private static String plainSegmentProblem(String path) {
        int segments = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                segments++;
            }
        }
        if (segments > MAX_SEGMENTS) {
            return "too many segments";
        }
        int start = 1;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int nameEnd = start;
            while (nameEnd < end && path.charAt(nameEnd) != ';') {
                nameEnd++;
            }
            int nameLength = nameEnd - start;
            if ((nameLength == 1 || nameLength == 2) && path.charAt(start) == '.'
                    && (nameLength == 1 || path.charAt(start + 1) == '.')) {
                return "dot-segment";
            }
            if (end == start && slash >= 0) {
                return "empty segment";
            }
            start = end + 1;
        }
        return null;
    }

    /** Checks the segments as any server would see them once it decoded every escape. */
    static String segmentProblem(String normalisedPath) {
        String decoded = decode(normalisedPath);
        if (decoded == null) {
            return "not UTF-8";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character";
            }
        }
        String[] segments = decoded.substring(1).split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            return "too many segments";
        }
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return "dot-segment";
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return "empty segment";
            }
        }
        return null;
    }

    /** Unreserved, sub-delims, {@code :} and {@code @}: what a path segment may hold unescaped (RFC 3986 pchar). */
    private static boolean allowedRaw(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    private static void appendOctet(int octet, StringBuilder out) {
        if (unreserved(octet)) {
            out.append((char) octet);
        } else {
            escape(octet, out);
        }
    }

    private static void escape(int octet, StringBuilder out) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
    }

    private static int octet(char hi, char lo) {
        int h = Character.digit(hi, 16);
        int l = Character.digit(lo, 16);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    /** Every escape decoded, the bytes read as UTF-8; null when they are not UTF-8. */
    private static String decode(String normalised) {
        byte[] bytes = new byte[normalised.length()];
        int n = 0;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) octet(normalised.charAt(i + 1), normalised.charAt(i + 2));
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
