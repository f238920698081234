package dev.rendergate.farm.guard;

import java.math.BigInteger;

/**
 * How a browser reads a host as an IPv4 address (the WHATWG URL standard's IPv4 parser): one to four parts,
 * each decimal, octal with a leading {@code 0} or hexadecimal with {@code 0x}, the last filling the remaining
 * bytes; a trailing dot is allowed. The oracle the guard's answers are compared with: Chromium connects to
 * the address this gives, whatever the JDK made of the same text.
 */
final class BrowserIpv4 {

    private BrowserIpv4() {
    }

    /** The four bytes a browser connects to for {@code host}, or null when it is not an IPv4 host to a browser. */
    static byte[] parse(String host) {
        String[] parts = host.split("\\.", -1);
        int n = parts.length;
        if (n > 1 && parts[n - 1].isEmpty()) {
            n--;
        }
        if (n == 0 || n > 4 || number(parts[n - 1]) == null) {
            return null;
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            BigInteger value = number(parts[i]);
            if (value == null || value.bitLength() > 32) {
                return null;
            }
            values[i] = value.longValue();
        }
        for (int i = 0; i < n - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
        }
        return pack(values, n);
    }

    /**
     * The four bytes of the first {@code n} parts, the last filling the remaining bytes, or null when it is too
     * large for them (the earlier parts are bytes already).
     */
    static byte[] pack(long[] values, int n) {
        if (values[n - 1] >= 1L << (8 * (5 - n))) {
            return null;
        }
        long address = values[n - 1];
        for (int i = 0; i < n - 1; i++) {
            address += values[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
    }

    private static BigInteger number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.length() > 1 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }
}
