package dev.rendergate.edge.detect;

/**
 * ASCII hexadecimal digits, for percent-escapes and IPv6 groups: {@code Character.digit} would also accept
 * non-ASCII digits and pull Unicode tables into the JavaScript build.
 */
public final class AsciiHex {

    private AsciiHex() {
    }

    /** The value of {@code c} as a hexadecimal digit (either case), or -1 when it is none. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
