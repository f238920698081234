package dev.rendergate.farm.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Folds the many spellings of one page's URL into one string: RFC 3986 syntax-based normalisation
 * (case, default port, dot segments, percent-encoding) plus what crawlers' URLs need on top (only the
 * site's allowed query parameters kept, tracking parameters dropped, parameters sorted, fragment dropped,
 * optional trailing-slash folding).
 */
final class CanonicalUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalUrl() {
    }

    static String of(URI url, KeyRules rules) {
        if (url == null || !url.isAbsolute() || url.isOpaque()) {
            throw new IllegalArgumentException("cache key needs an absolute http(s) URL, got: " + url);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("cache key needs an http(s) URL, got scheme: " + scheme);
        }
        String host = host(url);
        StringBuilder out = new StringBuilder(64).append(scheme).append("://").append(host);
        int port = url.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            out.append(':').append(port);
        }
        out.append(path(url.getRawPath(), rules.foldTrailingSlash()));
        String query = query(url.getRawQuery(), host, rules);
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /**
     * A URL prefix in the form keys take (scheme and host lower-cased, default port dropped, path
     * escapes normalised), so {@code HTTPS://Example.com:443/blog/} finds {@code https://example.com/blog/a}.
     * Anything that is not an absolute http(s) URL without query or fragment is returned unchanged.
     */
    static String prefix(String urlPrefix) {
        try {
            URI url = new URI(urlPrefix);
            if (!url.isAbsolute() || url.isOpaque() || url.getRawQuery() != null || url.getRawFragment() != null) {
                return urlPrefix;
            }
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return urlPrefix;
            }
            StringBuilder out = new StringBuilder(urlPrefix.length()).append(scheme).append("://").append(host(url));
            if (url.getPort() != -1 && url.getPort() != defaultPort(scheme)) {
                out.append(':').append(url.getPort());
            }
            return out.append(escapes(url.getRawPath() == null ? "" : url.getRawPath())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return urlPrefix;
        }
    }

    private static String host(URI url) {
        String host = url.getHost();
        if (host == null) {
            // Registry-based authority (e.g. an underscore in a name): take it apart by hand.
            String authority = url.getRawAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IllegalArgumentException("cache key needs a host, got: " + url);
            }
            host = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']')) {
                host = host.substring(0, colon);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String path(String rawPath, boolean foldTrailingSlash) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : removeDotSegments(escapes(rawPath));
        if (foldTrailingSlash) {
            int end = path.length();
            while (end > 1 && path.charAt(end - 1) == '/') {
                end--;
            }
            path = path.substring(0, end);
        }
        return path.isEmpty() ? "/" : path;
    }

    private static String query(String rawQuery, String host, KeyRules rules) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = escapes(eq < 0 ? part : part.substring(0, eq));
            if (name.isEmpty() || !rules.keeps(host, name)) {
                continue;
            }
            params.add(new String[] {name, eq < 0 ? null : escapes(part.substring(eq + 1))});
        }
        // Stable sort by name keeps repeated parameters (a=2&a=1) in their meaningful order.
        params.sort(Comparator.comparing(p -> p[0]));
        StringBuilder out = new StringBuilder(rawQuery.length());
        for (String[] p : params) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]);
            if (p[1] != null) {
                out.append('=').append(p[1]);
            }
        }
        return out.toString();
    }

    /** Decodes escaped unreserved characters, upper-cases the other escapes, escapes raw non-ASCII. */
    static String escapes(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                int value = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                if (isUnreserved((char) value)) {
                    out.append((char) value);
                } else {
                    appendEscape(out, value);
                }
                i += 2;
            } else if (c == '%') {
                appendEscape(out, '%');
            } else if (c > 0x7E || c <= 0x20) {
                // A lone surrogate is one character (encoded as '?'), never a pair with whatever follows it.
                boolean pair = Character.isHighSurrogate(c) && i + 1 < raw.length()
                        && Character.isLowSurrogate(raw.charAt(i + 1));
                int end = pair ? i + 2 : i + 1;
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4, for an absolute path. */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    kept.add("");
                }
            } else if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                if (last) {
                    kept.add("");
                }
            } else {
                kept.add(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static void appendEscape(StringBuilder out, int value) {
        out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
    }
}
