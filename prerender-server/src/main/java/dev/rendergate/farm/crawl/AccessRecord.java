package dev.rendergate.farm.crawl;

import java.time.LocalDate;

/**
 * One request of an access log, as the crawl report needs it.
 *
 * @param day       the day it was made (UTC)
 * @param method    the HTTP method
 * @param path      the path, without the query string
 * @param status    the status answered
 * @param userAgent the User-Agent ({@code ""} when none)
 * @param cache     the cache result ({@code HIT}, {@code MISS}, {@code STALE}; CloudFront's result type), or
 *                  {@code null} when the line does not say
 * @param renderMs  how long the answer took in milliseconds, or -1 when unknown
 */
public record AccessRecord(LocalDate day, String method, String path, int status, String userAgent, String cache,
                           double renderMs) {

    /** Whether this is a page view (a GET of a path without a file extension, or of an HTML file; not the API). */
    public boolean pageView() {
        if (!"GET".equals(method) || path.startsWith("/api/")) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot < slash || path.endsWith(".html");
    }
}
