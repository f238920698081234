package dev.rendergate.farm.egress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The start line and header fields of one HTTP/1.x message, read within a size bound. The proxy reads the head of
 * each request (to learn where it goes) and of each plain-HTTP response (to close the connection after it), and
 * relays the bodies untouched.
 *
 * @param startLine the request line or status line
 * @param fields    header fields in order, each {@code {name, value}}
 */
record MessageHead(String startLine, List<String[]> fields) {
    /** Fields that describe one hop, never forwarded (RFC 9110 section 7.6.1), plus the proxy's own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "upgrade");
    private static final int MAX_FIELDS = 128;

    /** Thrown when a head is larger than its bound, has too many fields or a malformed line. */
    static final class MalformedHeadException extends IOException {
        MalformedHeadException(String message) {
            super(message);
        }
    }

    /**
     * Reads one head, up to and including its empty line.
     *
     * @return the head, or null when the stream ended before its first byte
     * @throws MalformedHeadException when it exceeds {@code maxBytes}, has more than 128 fields or a line without a colon
     */
    static MessageHead read(InputStream in, int maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (total == 0) {
                    return null;
                }
                throw new MalformedHeadException("the message head ended early");
            }
            if (++total > maxBytes) {
                throw new MalformedHeadException("message head larger than " + maxBytes + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // a stray CRLF before a request line is allowed (RFC 9112 section 2.2)
                    }
                    return parse(lines);
                }
                if (lines.size() > MAX_FIELDS) {
                    throw new MalformedHeadException("more than " + MAX_FIELDS + " header fields");
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
    }

    private static MessageHead parse(List<String> lines) throws MalformedHeadException {
        List<String[]> fields = new ArrayList<>(lines.size() - 1);
        for (String l : lines.subList(1, lines.size())) {
            int colon = l.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(l.charAt(colon - 1))) {
                throw new MalformedHeadException("malformed header line");
            }
            fields.add(new String[] {l.substring(0, colon), l.substring(colon + 1).trim()});
        }
        return new MessageHead(lines.get(0), fields);
    }

    /** The first value of a field, or null. */
    String field(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    /**
     * The head for the next hop, with {@code newStartLine}: hop-by-hop fields and those the {@code Connection} field
     * names are dropped, and {@code Connection: close} is added, so one connection carries one exchange.
     */
    byte[] forNextHop(String newStartLine) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        String connection = field("Connection");
        if (connection != null) {
            for (String token : connection.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        StringBuilder out = new StringBuilder(256).append(newStartLine).append("\r\n");
        for (String[] f : fields) {
            if (!dropped.contains(f[0].toLowerCase(Locale.ROOT))) {
                out.append(f[0]).append(": ").append(f[1]).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
