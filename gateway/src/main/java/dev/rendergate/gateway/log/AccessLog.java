package dev.rendergate.gateway.log;

import dev.rendergate.gateway.http.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per answered request on logger {@code rendergate.access}: route, verdict, method, path
 * (without the query string, which may carry personal data), status, body bytes and milliseconds, the
 * User-Agent (bounded; the crawl report reads it), and for prerendered answers the farm's cache result and
 * render time.
 * The fields travel as key-value pairs so {@link JsonLineEncoder} writes them as JSON fields; the
 * message alone reads well as plain text.
 */
public final class AccessLog {

    /** The logger name, for configuration. */
    public static final String LOGGER = "rendergate.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_PATH = 512;
    private static final int MAX_UA = 512;

    private AccessLog() {
    }

    /** False when the access log is switched off; callers skip work done only for it. */
    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    public static void record(Exchange ex) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String path = pathOf(ex.request().uri());
        double ms = Math.round((System.nanoTime() - ex.startNanos()) / 10_000.0) / 100.0;
        String ua = ex.request().headers().get("user-agent", "");
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("route", ex.route())
                .addKeyValue("verdict", ex.verdict())
                .addKeyValue("method", ex.request().method().name())
                .addKeyValue("path", path)
                .addKeyValue("status", ex.status())
                .addKeyValue("bytes", ex.bytes())
                .addKeyValue("ms", ms)
                .addKeyValue("ua", ua.length() > MAX_UA ? ua.substring(0, MAX_UA) : ua);
        if (ex.farmCache() != null) {
            line = line.addKeyValue("cache", ex.farmCache()).addKeyValue("render_ms", ex.farmRenderMs());
        }
        line.log("{} {} {} {} {} {}B {}ms", ex.route(), ex.verdict(), ex.request().method().name(), path, ex.status(),
                ex.bytes(), ms);
    }

    /** The path of a request URI for logs: no query string, bounded length. */
    public static String pathOf(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
    }
}
