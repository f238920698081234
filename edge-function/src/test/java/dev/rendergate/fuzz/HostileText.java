package dev.rendergate.fuzz;

import java.util.Random;

/**
 * Generators of the input an attacker or a broken client sends: percent-encodings (double, overlong, of
 * separators and dots), dot segments, Unicode (non-ASCII digits, bidi controls, surrogate pairs and lone
 * surrogates), IPv4 and IPv6 literals in every spelling, CRLF and other control characters, and long strings.
 * Each generator mixes such pieces with plain ones, so most inputs are near a valid one and reach the deep
 * branches of a parser.
 */
public final class HostileText {

    private static final String[] PATH_PIECES = {
        "a", "index.html", "app.3f9a.js", "doctors", "17-emma-schwarz", "caf\u00e9", "x", "api", "assets",
        ".", "..", "...", ".well-known", ".git", ".env", "%2e", "%2E%2e", ".%2e", "%2e.", "%252e%252e", "%c0%ae%c0%ae",
        "%2f", "%2F", "%5c", "%5C", "\\", "%00", "%0", "%", "%zz", "%%", "%25", "%u002e", "%\u0662f", "%\u0665c",
        "%\u0660\u0660", "%e2%80%ae", "%C3%A9", "%c3", "%ff%fe", "%ef%bc%8f", "\u2215", "\uff0f", "\u202e", "\u200b",
        "\ud83d\ude00", "\ud800", "\udc00", "\u0130", "\u017f", ";", ";jsessionid=1", ":", "c:", "?", "#", "~",
        "+", " ", "%20", "\t", "\r\n", "%0d%0a", "\n", "\u0000", "\u007f", "\u0085", "//", "/", "a\u0301",
        "\u00ff", "\u0100", "%41", "%7e", "%7E", "*", "@", "$", "[", "]", "{", "}", "|", "^", "`", "\"", "<", ">",
    };

    private static final String[] HOSTS = {
        "example.com", "EXAMPLE.COM", "example.com.", "www.example.com", "shop.example.com", "localhost",
        "LOCALHOST.", "127.0.0.1", "127.1", "2130706433", "0x7f.1", "0177.0.0.1", "017700000001", "10.0.0.1",
        "192.168.1.1", "172.16.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "0", "224.0.0.1",
        "255.255.255.255", "8.8.8.8", "93.184.216.34", "1.1.1.1", "[::1]", "[::]", "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:10.0.0.1]", "[::ffff:0:10.0.0.1]", "[::10.0.0.1]", "[64:ff9b::a00:1]",
        "[64:ff9b::808:808]", "[64:ff9b:1::a00:1]", "[2002:a00:1::]", "[2002:808:808::]", "[2001::1]",
        "[2001:db8::1]", "[fe80::1]", "[fe80::1%25eth0]", "[fd00:ec2::254]", "[fc00::1]", "[ff02::1]",
        "[2606:4700::1111]", "[100::1]", "b\u00fccher.de", "xn--bcher-kva.de", "a_b.example.com",
        "user@evil.com", "evil.com@example.com", "example.com:80@evil.com", "ex%61mple.com", "[::1", "::1]",
        "exa mple.com", "example.com\r\nHost: evil", "\u0435xample.com", "example\u3002com",
    };

    private static final String[] QUERY_PIECES = {
        "a=1", "b=2", "a=2", "utm_source=x", "UTM_Medium=y", "gclid=abc", "fbclid=z", "q=caf%C3%A9", "q=%zz",
        "x", "=", "==", "&", "&&", "a=", "=b", "%61=1", "a%3D=1", "a=%26", "a+b=c+d", "p=%2e%2e%2f", "%00=1",
        "k=\u00e9", "k=\ud83d\ude00", "k=\ud800", "s=%0d%0a", "sort=price&sort=name", "page=2", "#frag", "?",
    };

    private HostileText() {
    }

    /** A request path: mostly {@code /} followed by segments built from hostile and plain pieces. */
    public static Gen<String> path() {
        return Gen.<String>oneOf(segmentedPath(), segmentedPath().map(p -> p.substring(1)), longPath(),
                anyText(64));
    }

    /** A path of {@code /} and up to ten of the given segments, some glued together without a slash. */
    public static Gen<String> pathOf(String... segments) {
        return random -> "/" + pieces(segments, "/", 10).next(random);
    }

    /** One of the hostile hosts, or a random IPv4 or IPv6 literal in one of its spellings. */
    public static Gen<String> host() {
        return Gen.oneOf(Gen.of(HOSTS), Gen.of(HOSTS), ipv4(), ipv6());
    }

    /** An absolute URL, usually http(s), with a hostile host, port, path, query and fragment. */
    public static Gen<String> url() {
        return random -> {
            StringBuilder url = new StringBuilder(128);
            url.append(Gen.of("http", "https", "HTTP", "HtTpS", "ftp", "file", "javascript", "data", "").next(random))
                    .append(Gen.of("://", "://", "://", ":", ":/", ":///", "\\\\").next(random));
            if (random.nextInt(10) == 0) {
                url.append(Gen.of("user@", "user:pass@", "@", "%40@").next(random));
            }
            url.append(host().next(random));
            if (random.nextInt(4) == 0) {
                url.append(':').append(Gen.of("80", "443", "8080", "0", "65535", "65536", "99999999999", "",
                        "-1", "08", "\u0668\u0660").next(random));
            }
            if (random.nextInt(8) != 0) {
                url.append(segmentedPath().next(random));
            }
            if (random.nextInt(3) == 0) {
                url.append('?').append(pieces(QUERY_PIECES, "&", 6).next(random));
            }
            if (random.nextInt(8) == 0) {
                url.append('#').append(pieces(PATH_PIECES, "", 3).next(random));
            }
            return random.nextInt(20) == 0 ? Gen.of(" ", "\t", "\n", "").next(random) + url + " " : url.toString();
        };
    }

    /** A header value: a realistic one with hostile text mixed in, CRLF, control characters, or a long one. */
    public static Gen<String> headerValue(Gen<String> realistic) {
        return Gen.oneOf(realistic, realistic, realistic, random -> {
            String base = realistic.next(random);
            int at = random.nextInt(base.length() + 1);
            return base.substring(0, at) + Gen.of(PATH_PIECES).next(random) + base.substring(at);
        }, random -> realistic.next(random) + Gen.of("\r\n", "\r\nX-Rendergate-Bot: 1", "\u0000", " ", "\t").next(random),
                random -> realistic.next(random).repeat(1 + random.nextInt(400)), anyText(200));
    }

    /** Text of up to {@code maxLength} characters drawn from ASCII, controls, Latin-1, the BMP and surrogates. */
    public static Gen<String> anyText(int maxLength) {
        return random -> {
            int length = random.nextInt(maxLength + 1);
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(anyChar(random));
            }
            return out.toString();
        };
    }

    /** A random IPv4 address written as a dotted quad. */
    public static Gen<String> ipv4() {
        return random -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }

    /** A random IPv6 literal in brackets: full, compressed, with an embedded IPv4 tail, or with a zone. */
    public static Gen<String> ipv6() {
        return random -> {
            int[] groups = new int[8];
            int prefix = random.nextInt(4);
            for (int i = 0; i < 8; i++) {
                groups[i] = i < 6 && prefix == 0 ? 0 : random.nextInt(4) == 0 ? 0 : random.nextInt(0x10000);
            }
            if (prefix == 1) {
                groups[0] = Gen.of(0x64, 0x2002, 0x2001, 0xfe80, 0xfd00, 0xfc00, 0xff02, 0x100).next(random);
                groups[1] = groups[0] == 0x64 ? 0xff9b : groups[1];
            }
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < 8; i++) {
                out.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
            }
            String literal = out.toString().replaceFirst("(^\\[|:)(0:)+0(:|$)", "$1:$3");
            return literal + (random.nextInt(10) == 0 ? "%25eth0" : "") + "]";
        };
    }

    private static Gen<String> segmentedPath() {
        return random -> "/" + pieces(PATH_PIECES, "/", 12).next(random);
    }

    private static Gen<String> longPath() {
        return random -> "/" + Gen.of("a/", "%2e%2e/", "../", "%", "a", "\u00e9", "%C3%A9/", "/").next(random)
                .repeat(1 + random.nextInt(3_000));
    }

    /** Up to {@code max} pieces joined by {@code separator}, some glued together without it. */
    private static Gen<String> pieces(String[] pieces, String separator, int max) {
        return random -> {
            int n = random.nextInt(max + 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0 && random.nextInt(4) != 0) {
                    out.append(separator);
                }
                out.append(pieces[random.nextInt(pieces.length)]);
            }
            return out.toString();
        };
    }

    private static char anyChar(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1, 2 -> (char) (0x20 + random.nextInt(0x5f));
            case 3 -> (char) (0x80 + random.nextInt(0x80));
            case 4 -> (char) (0xd800 + random.nextInt(0x800));
            default -> (char) random.nextInt(0x10000);
        };
    }
}
