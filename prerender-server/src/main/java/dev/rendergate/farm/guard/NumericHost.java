package dev.rendergate.farm.guard;

/**
 * Tells whether a host is an IPv4 address spelled so that the JDK and a browser read it differently. A browser
 * (the WHATWG URL standard) reads any host whose last label is a number as an IPv4 address, with octal parts
 * after a leading {@code 0}, hexadecimal ones after {@code 0x} and fewer than four parts; the JDK reads
 * {@code 012.0.0.1} as 12.0.0.1 where Chromium connects to 10.0.0.1. Only the plain dotted quad (four decimal
 * parts of at most 255, no leading zero) means one address to both.
 */
final class NumericHost {

    private NumericHost() {
    }

    /** True when {@code host} ends in a number, as a browser sees it, and is not a plain dotted quad. */
    static boolean isAmbiguous(String host) {
        return endsInNumber(host) && !isDottedQuad(host);
    }

    private static boolean endsInNumber(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (allDigits(last, 0, 10)) {
            return true;
        }
        return (last.startsWith("0x") || last.startsWith("0X")) && allDigits(last, 2, 16);
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !allDigits(part, 0, 10)
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String text, int from, int radix) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 'f' || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
