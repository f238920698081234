package dev.rendergate.farm.cache;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a URL is folded into a cache key (and so into the URL that is rendered): which query parameters
 * may stay, which are tracking noise, and whether {@code /path/} and {@code /path} are the same page.
 *
 * @param trackingParams    lower-case query parameter names dropped from keys, on top of any name
 *                          starting with {@code utm_}
 * @param foldTrailingSlash whether a trailing slash is removed from non-root paths
 * @param queryParams       the parameters that may stay, per site; all others are dropped
 */
public record KeyRules(Set<String> trackingParams, boolean foldTrailingSlash, QueryAllowList queryParams) {

    /** Click identifiers and analytics parameters that never change what a page renders. */
    public static final Set<String> STANDARD_TRACKING_PARAMS = Set.of(
            "gclid", "gclsrc", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "yclid", "twclid",
            "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
            "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "ef_id");

    private static final KeyRules DEFAULTS = new KeyRules(STANDARD_TRACKING_PARAMS, false, QueryAllowList.defaults());

    public KeyRules {
        Objects.requireNonNull(trackingParams, "trackingParams");
        Objects.requireNonNull(queryParams, "queryParams");
        trackingParams = trackingParams.stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The standard tracking parameters, the default query allow-list, no trailing-slash folding. */
    public static KeyRules defaults() {
        return DEFAULTS;
    }

    /** The standard tracking parameters plus {@code extraTrackingParams}, the default query allow-list. */
    public static KeyRules of(Set<String> extraTrackingParams, boolean foldTrailingSlash) {
        return of(extraTrackingParams, foldTrailingSlash, QueryAllowList.defaults());
    }

    /** The standard tracking parameters plus {@code extraTrackingParams}, and {@code queryParams}. */
    public static KeyRules of(Set<String> extraTrackingParams, boolean foldTrailingSlash, QueryAllowList queryParams) {
        Set<String> all = Stream.concat(STANDARD_TRACKING_PARAMS.stream(), extraTrackingParams.stream())
                .collect(Collectors.toUnmodifiableSet());
        return new KeyRules(all, foldTrailingSlash, queryParams);
    }

    /** Whether a query parameter (already percent-decoded) of a URL of {@code host} stays in its key and render. */
    public boolean keeps(String host, String parameterName) {
        return queryParams.allows(host, parameterName) && !isTracking(parameterName);
    }

    /** Whether a query parameter (already percent-decoded) is tracking noise. */
    public boolean isTracking(String parameterName) {
        String name = parameterName.toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || trackingParams.contains(name);
    }
}
