package dev.rendergate.farm.render;

import java.util.Locale;
import org.htmlunit.Cache;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;

/**
 * HtmlUnit's response and compiled-script cache, shared by the one-render clients of every HtmlUnit engine so a
 * site's scripts are fetched and compiled once, not per render. What one render's cookies could have shaped is
 * never shared: a response that sets a cookie, or says it is {@code private} or varies by cookie, stays out.
 */
final class SharedHtmlUnitCache extends Cache {

    /** A cache of {@code entries} entries. */
    SharedHtmlUnitCache(int entries) {
        setMaxSize(entries);
    }

    @Override
    protected boolean isCacheable(WebRequest request, WebResponse response) {
        return super.isCacheable(request, response) && !personal(response);
    }

    private static boolean personal(WebResponse response) {
        String control = lower(response.getResponseHeaderValue("Cache-Control"));
        String vary = lower(response.getResponseHeaderValue("Vary"));
        return response.getResponseHeaderValue("Set-Cookie") != null || control.contains("private")
                || control.contains("no-store") || vary.contains("cookie") || vary.contains("*");
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
