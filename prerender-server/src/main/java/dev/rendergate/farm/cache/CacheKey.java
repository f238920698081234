package dev.rendergate.farm.cache;

import dev.rendergate.edge.detect.Device;
import java.net.URI;
import java.util.Objects;

/**
 * What a snapshot is cached under: the page's normalised URL and the device class it was rendered
 * for (a mobile snapshot is a different page from a desktop one).
 *
 * @param url    the normalised absolute URL (see {@link #of(URI, Device, KeyRules)})
 * @param device the device class the page is rendered for
 */
public record CacheKey(String url, Device device) {

    /** The key object itself and its cache node's references, beyond its URL string. */
    private static final long FIXED_OVERHEAD = 48;

    public CacheKey {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(device, "device");
    }

    /** The key for {@code url} under the {@link KeyRules#defaults() default rules}. */
    public static CacheKey of(URI url, Device device) {
        return of(url, device, KeyRules.defaults());
    }

    /**
     * The key for {@code url}: scheme and host lower-cased, default port, user info and fragment
     * dropped, dot segments removed, percent-encoding normalised, tracking parameters removed, the
     * remaining query parameters sorted by name, and the trailing slash folded if the rules say so.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host
     */
    public static CacheKey of(URI url, Device device, KeyRules rules) {
        return new CacheKey(CanonicalUrl.of(url, rules), device);
    }

    /**
     * The URL this key stands for, which is the URL to render: what the key drops (parameters off the site's
     * allow-list, tracking parameters, the fragment, user info) must never reach the page, or one crafted query
     * would end up in the snapshot every crawler of the clean URL gets.
     */
    public URI uri() {
        return URI.create(url);
    }

    /**
     * An estimate of the heap this key occupies, in bytes: the L1 tier counts it beside its snapshot, so a flood
     * of long URLs with small pages cannot hold more memory than the bound says.
     */
    public long weight() {
        return FIXED_OVERHEAD + Snapshot.stringWeight(url);
    }

    /** A stable one-line form, {@code <device>:<url>}, used in Redis keys and logs. */
    public String id() {
        return device.label() + ":" + url;
    }
}
