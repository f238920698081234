package dev.rendergate.edge.verify;

import dev.rendergate.edge.detect.AsciiHex;

/**
 * An IPv4 or IPv6 address as 128 bits; IPv4 addresses are held in their IPv4-mapped form
 * ({@code ::ffff:a.b.c.d}), so one range table serves both families.
 *
 * <p>Parsed by hand rather than with {@code java.net.InetAddress}: the edge compiles to JavaScript, and
 * {@code InetAddress} would resolve a host name given where an address is expected.
 *
 * @param high the upper 64 bits
 * @param low  the lower 64 bits
 */
public record IpAddress(long high, long low) {

    private static final long IPV4_MAPPED = 0xffff_0000_0000L;

    /**
     * Parses an address as CloudFront's {@code clientIp} or a socket gives it: dotted IPv4, or IPv6 with
     * {@code ::} compression and an optional dotted IPv4 tail; brackets and a zone ({@code %eth0}) are
     * dropped. Octets with leading zeros are refused (some parsers read them as octal).
     *
     * @param text the address
     * @return the address, or null when the text is not one
     */
    public static IpAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            long v4 = ipv4(s, 0, s.length());
            return v4 < 0 ? null : new IpAddress(0, IPV4_MAPPED | v4);
        }
        return ipv6(s);
    }

    /** @return whether this is an IPv4 address (held IPv4-mapped) */
    public boolean isIpv4() {
        return high == 0 && (low >>> 32) == 0xffffL;
    }

    /** The 32-bit value of a dotted quad in {@code s[from, to)}, or -1. */
    static long ipv4(String s, int from, int to) {
        long value = 0;
        int start = from;
        for (int part = 0; part < 4; part++) {
            int end = part < 3 ? s.indexOf('.', start) : to;
            if (end < 0 || end > to || end == start || end - start > 3) {
                return -1;
            }
            if (s.charAt(start) == '0' && end - start > 1) {
                return -1;
            }
            int octet = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            start = end + 1;
        }
        return value;
    }

    private static IpAddress ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] groups = new int[8];
        if (gap < 0) {
            if (groups(s, groups, true) != 8) {
                return null;
            }
        } else {
            int[] head = new int[8];
            int[] tail = new int[8];
            int h = gap == 0 ? 0 : groups(s.substring(0, gap), head, false);
            String tailText = s.substring(gap + 2);
            int t = tailText.isEmpty() ? 0 : groups(tailText, tail, true);
            if (h < 0 || t < 0 || h + t > 7) {
                return null;
            }
            System.arraycopy(head, 0, groups, 0, h);
            System.arraycopy(tail, 0, groups, 8 - t, t);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new IpAddress(high, low);
    }

    /**
     * Parses colon-separated hex groups into {@code out}; the last part may be a dotted IPv4 address (two
     * groups) when {@code dottedTail} allows it. Returns the number of groups, or -1.
     */
    private static int groups(String s, int[] out, boolean dottedTail) {
        int count = 0;
        int start = 0;
        while (true) {
            int colon = s.indexOf(':', start);
            int end = colon < 0 ? s.length() : colon;
            if (colon < 0 && dottedTail && s.indexOf('.', start) >= 0) {
                long v4 = ipv4(s, start, end);
                if (v4 < 0 || count + 2 > 8) {
                    return -1;
                }
                out[count++] = (int) (v4 >>> 16);
                out[count++] = (int) (v4 & 0xffff);
                return count;
            }
            int group = hexGroup(s, start, end);
            if (group < 0 || count >= 8) {
                return -1;
            }
            out[count++] = group;
            if (colon < 0) {
                return count;
            }
            start = colon + 1;
        }
    }

    private static int hexGroup(String s, int from, int to) {
        if (to == from || to - from > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = AsciiHex.digit(s.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
