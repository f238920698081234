package dev.rendergate.farm.guard;

import java.net.Inet4Address;
import java.net.InetAddress;

/** What kind of network an IP address belongs to; everything but {@link #PUBLIC} is off limits to renders. */
public enum AddressClass {
    PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, UNIQUE_LOCAL, CGNAT, METADATA, UNSPECIFIED, MULTICAST, RESERVED;

    private static final byte[] EC2_METADATA_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54};

    /** Classifies an IPv4 or IPv6 address; IPv6 forms that embed an IPv4 address are classified by it. */
    public static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ofV4(b) : ofV6(b);
    }

    /** True for {@link #PUBLIC} only. */
    public boolean isPublic() {
        return this == PUBLIC;
    }

    private static AddressClass ofV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && (b[3] & 0xff) == 254) {
            return METADATA;
        }
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return CGNAT;
        }
        if (a0 >= 224 && a0 <= 239) {
            return MULTICAST;
        }
        boolean documentation = (a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113);
        boolean relay6to4 = a0 == 192 && a1 == 88 && a2 == 99;
        if (a0 >= 240 || (a0 == 192 && a1 == 0 && a2 == 0) || relay6to4 || (a0 == 198 && (a1 == 18 || a1 == 19)) || documentation) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressClass ofV6(byte[] b) {
        if (java.util.Arrays.equals(b, EC2_METADATA_V6)) {
            return METADATA;
        }
        if (embedsV4At(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ofV4(tail(b, 12)); // ::ffff:a.b.c.d
        }
        if (embedsV4At(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return ofV4(tail(b, 12)); // SIIT ::ffff:0:a.b.c.d
        }
        if (embedsV4At(b, 0, 12)) {
            boolean unspecified = (b[12] | b[13] | b[14]) == 0 && b[15] == 0;
            boolean loopback = (b[12] | b[13] | b[14]) == 0 && b[15] == 1;
            return unspecified ? UNSPECIFIED : loopback ? LOOPBACK : ofV4(tail(b, 12)); // ::a.b.c.d (deprecated)
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return nat64(b);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return ofV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
            return RESERVED; // Teredo 2001::/32: a tunnel to an obfuscated IPv4 address
        }
        if (b0 == 0x01 && b1 == 0x00 && embedsV4At(b, 2, 8)) {
            return RESERVED; // discard-only 100::/64
        }
        if ((b0 & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return PRIVATE; // deprecated site-local
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return RESERVED; // documentation 2001:db8::/32
        }
        return PUBLIC;
    }

    /**
     * The well-known prefix 64:ff9b::/96 carries the IPv4 address in its last four bytes. The local-use
     * 64:ff9b:1::/48 (RFC 8215) may embed it at any prefix length, so which address the local translator
     * reaches cannot be read from the bytes: it is refused, as is the rest of the unassigned 64:ff9b::/32.
     */
    private static AddressClass nat64(byte[] b) {
        if (embedsV4At(b, 4, 12)) {
            return ofV4(tail(b, 12));
        }
        return b[4] == 0 && b[5] == 1 ? PRIVATE : RESERVED;
    }

    private static boolean embedsV4At(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        return java.util.Arrays.copyOfRange(b, from, from + 4);
    }
}
