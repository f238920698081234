package dev.rendergate.farm.guard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides whether a requested URL may be rendered at all: well-formed, http(s), allowed origin, public address. */
public final class UrlGuard {
    /** Longest URL accepted; longer ones get 414. */
    public static final int MAX_URL_LENGTH = 8 * 1024;

    private final Set<String> allowedOrigins;
    private final AddressGuard addresses;

    public UrlGuard(List<String> allowedOrigins, AddressGuard addresses) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.addresses = addresses;
    }

    /**
     * Parses and checks {@code raw} completely, address included; returns the URI to render.
     * Equivalent to {@link #admit(String)} followed by {@link #checkAddress(URI)}.
     *
     * @throws RejectedRequestException 414 too long; 400 malformed, relative or not http(s); 403 origin not
     *                                  allowed or host resolving to a private address
     */
    public URI check(String raw) {
        URI uri = admit(raw);
        checkAddress(uri);
        return uri;
    }

    /**
     * The checks that need no name resolution (length, form, scheme, allow-list); returns the URI to render.
     * Cheap enough for every request, cache hits included: a snapshot already in the cache was rendered after
     * {@link #checkAddress(URI)} passed, so serving it contacts nobody.
     *
     * @throws RejectedRequestException 414 too long; 400 malformed, relative, not http(s) or an IPv4 host spelled
     *                                  other than as a plain dotted quad; 403 origin not allowed
     */
    public URI admit(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RejectedRequestException(400, "missing-url", "no URL to render");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw new RejectedRequestException(414, "url-too-long", "URL longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri = parse(raw);
        String origin = originOf(uri);
        if (!allowedOrigins.contains(origin)) {
            throw new RejectedRequestException(403, "origin-not-allowed", "origin not on the allow-list: " + origin);
        }
        return uri;
    }

    /**
     * Resolves the host of an {@link #admit admitted} URI and refuses it when any address is not public (SSRF);
     * run just before a render contacts it, never on a cache hit.
     *
     * @throws RejectedRequestException 403 host resolving to a private address or not resolving at all
     */
    public void checkAddress(URI uri) {
        addresses.refusal(uri.getHost(), effectivePort(uri)).ifPresent(r -> {
            throw new RejectedRequestException(403, r, "refused to render " + originOf(uri) + ": " + r);
        });
    }

    /** {@code scheme://host:port} of an absolute http(s) URI, lower-case, port explicit. */
    public static String originOf(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + effectivePort(uri);
    }

    /** The URI's port, or the scheme's default. */
    public static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI parse(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new RejectedRequestException(400, "malformed-url", "malformed URL: " + e.getReason());
        }
        if (!uri.isAbsolute()) {
            throw new RejectedRequestException(400, "relative-url", "URL must be absolute");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RejectedRequestException(400, "unsupported-scheme", "only http and https URLs are rendered");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RejectedRequestException(400, "malformed-url", "URL needs a host and no user info");
        }
        if (NumericHost.isAmbiguous(uri.getHost())) {
            throw new RejectedRequestException(400, "ambiguous-ip-address",
                    "write an IPv4 host as four decimal numbers without leading zeros (browsers read 012 as octal)");
        }
        return uri.normalize();
    }
}
