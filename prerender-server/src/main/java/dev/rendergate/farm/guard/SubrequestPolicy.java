package dev.rendergate.farm.guard;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a page under render may fetch a subresource (script, XHR, frame, redirect target). Images,
 * fonts, media, stylesheets and analytics are never fetched: crawlers need none of them.
 */
public final class SubrequestPolicy {

    /** The answer for one subrequest. */
    public enum Decision {
        ALLOW, SKIP_ASSET, SKIP_ANALYTICS, BLOCK_SCHEME, BLOCK_ORIGIN, BLOCK_ADDRESS;

        /** True only for {@link #ALLOW}. */
        public boolean allowed() {
            return this == ALLOW;
        }

        /** True when the request was refused for safety (not merely skipped as useless). */
        public boolean blocked() {
            return this == BLOCK_SCHEME || this == BLOCK_ORIGIN || this == BLOCK_ADDRESS;
        }
    }

    private static final List<String> ANALYTICS = List.of(
            "google-analytics.com", "googletagmanager.com", "doubleclick.net", "googlesyndication.com",
            "googleadservices.com", "facebook.net", "connect.facebook.com", "hotjar.com", "hotjar.io",
            "segment.com", "segment.io", "mixpanel.com", "amplitude.com", "clarity.ms", "fullstory.com",
            "heapanalytics.com", "nr-data.net", "newrelic.com", "plausible.io", "bat.bing.com",
            "analytics.tiktok.com", "snap.licdn.com", "sentry.io", "intercom.io", "matomo.cloud");
    private static final Set<String> ASSET_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff",
            "woff", "woff2", "ttf", "otf", "eot",
            "mp4", "webm", "ogg", "ogv", "mp3", "wav", "m4a", "mov", "avi", "flac",
            "css", "map", "pdf", "zip");

    private final Set<String> allowedOrigins;
    private final AddressGuard addresses;

    public SubrequestPolicy(List<String> allowedOrigins, AddressGuard addresses) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.addresses = addresses;
    }

    /** Decides for one absolute URL. */
    public Decision decide(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Decision.BLOCK_SCHEME;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (isAnalytics(host)) {
            return Decision.SKIP_ANALYTICS;
        }
        if (isAsset(uri.getRawPath())) {
            return Decision.SKIP_ASSET;
        }
        if (!allowedOrigins.contains(UrlGuard.originOf(uri))) {
            return Decision.BLOCK_ORIGIN;
        }
        return addresses.refusal(host, UrlGuard.effectivePort(uri)).isPresent() ? Decision.BLOCK_ADDRESS : Decision.ALLOW;
    }

    static boolean isAnalytics(String host) {
        return ANALYTICS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    static boolean isAsset(String path) {
        if (path == null) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && ASSET_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
