package dev.rendergate.farm.render.auto;

import dev.rendergate.farm.guard.UrlGuard;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A site (origin) and the shape of a path on it, with the parts that name one record folded: a segment with a
 * digit ({@code 17-emma-schwarz}, {@code 2024}), a UUID or long hex id, or a slug of three or more words becomes
 * {@code {id}}. Pages of one template are rendered by the same SPA component, so they need the same engine. The
 * query is ignored; at most {@value #MAX_SEGMENTS} segments count.
 *
 * @param site     {@code scheme://host:port}
 * @param template the folded path, e.g. {@code /doctors/{id}}
 */
public record RouteTemplate(String site, String template) {
    static final int MAX_SEGMENTS = 8;
    static final String SITE_WIDE = "*";
    private static final Pattern ID = Pattern.compile(
            "[^/]*\\d[^/]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^/-]+(-[^/-]+){2,}");
    private static final int MAX_SEGMENT_CHARS = 64;

    /** The template of an absolute URL. */
    public static RouteTemplate of(URI url) {
        return new RouteTemplate(UrlGuard.originOf(url), fold(url.getRawPath()));
    }

    /** The entry that stands for every route of the site (what the whole site needs, e.g. ES modules). */
    RouteTemplate siteWide() {
        return new RouteTemplate(site, SITE_WIDE);
    }

    static String fold(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        String[] segments = rawPath.split("/");
        int kept = 0;
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (++kept > MAX_SEGMENTS) {
                out.append("/…");
                break;
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            out.append('/').append(ID.matcher(lower).matches() || lower.length() > MAX_SEGMENT_CHARS ? "{id}" : lower);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    @Override
    public String toString() {
        return site + template;
    }
}
