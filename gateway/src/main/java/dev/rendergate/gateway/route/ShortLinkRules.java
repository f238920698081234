package dev.rendergate.gateway.route;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What a short-link code and a target may be, wherever they are stored: a code is 1-64 of
 * {@code [A-Za-z0-9_-]}; a target is an absolute http(s) URL or a site path starting with a single
 * {@code /}, without spaces or control characters. Anything else ({@code javascript:}, {@code //host},
 * a bare word) would be an open redirect or a broken one and is never sent as a {@code Location}.
 */
final class ShortLinkRules {

    static final String PREFIX = "/s/";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TARGET = 2048;

    private ShortLinkRules() {
    }

    static boolean validCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The code of a {@code /s/<code>} path; null when the path holds no valid code. */
    static String codeOf(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String code = path.substring(PREFIX.length());
        return validCode(code) ? code : null;
    }

    static boolean validTarget(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_TARGET
                || target.chars().anyMatch(c -> c < 0x21 || c >= 0x7f)) {
            return false;
        }
        if (target.startsWith("/")) {
            return !target.startsWith("//") && !target.startsWith("/\\");
        }
        try {
            URI uri = URI.create(target);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
