package dev.rendergate.farm.freshness;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshots a CloudFront invalidation makes stale, as recache targets: a path names one page's URL,
 * a path ending in {@code *} a URL prefix ({@code /*} the whole site).
 *
 * @param urls     absolute page URLs
 * @param prefixes absolute URL prefixes
 */
public record RecacheTargets(List<String> urls, List<String> prefixes) {

    public RecacheTargets {
        urls = List.copyOf(urls);
        prefixes = List.copyOf(prefixes);
    }

    /**
     * The targets for invalidation {@code paths} of the site at {@code siteOrigin} ({@code https://host[:port]}).
     *
     * @throws IllegalArgumentException for a path that does not start with {@code /} or has a {@code *}
     *                                  other than at its end (CloudFront accepts neither)
     */
    public static RecacheTargets of(URI siteOrigin, List<String> paths) {
        String origin = siteOrigin.toString().replaceAll("/+$", "");
        List<String> urls = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String raw : paths) {
            String path = raw.trim();
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("invalidation path '" + raw + "' must start with /");
            }
            int star = path.indexOf('*');
            if (star >= 0 && star != path.length() - 1) {
                throw new IllegalArgumentException("invalidation path '" + raw + "' may have * only at its end");
            }
            if (star < 0) {
                urls.add(origin + path);
            } else {
                prefixes.add(origin + path.substring(0, star));
            }
        }
        return new RecacheTargets(urls, prefixes);
    }
}
