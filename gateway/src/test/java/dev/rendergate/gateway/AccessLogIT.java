package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rendergate.gateway.log.AccessLog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One access-log event per request, with route, verdict, method, path, status, bytes and ms as fields. */
class AccessLogIT {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger logger;
    private Gateway gateway;

    @BeforeEach
    void start() {
        logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        events.start();
        logger.addAppender(events);
        gateway = Fixtures.start(Fixtures.config(Fixtures.site()));
    }

    @AfterEach
    void stop() {
        gateway.stop();
        logger.detachAppender(events);
    }

    private Map<String, Object> awaitEvent(String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (ILoggingEvent event : List.copyOf(events.list)) {
                if (event.getKeyValuePairs() == null) {
                    continue;
                }
                Map<String, Object> fields = event.getKeyValuePairs().stream()
                        .collect(Collectors.toMap(p -> p.key, p -> p.value, (a, b) -> b));
                if (path.equals(fields.get("path"))) {
                    return fields;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no access-log event for " + path);
    }

    @Test
    void staticRequest_isLoggedWithItsFields_withoutTheQuery() throws Exception {
        RawHttp.once(gateway.port(), RawHttp.get("/robots.txt?token=secret"));
        Map<String, Object> fields = awaitEvent("/robots.txt");
        assertThat(fields).containsEntry("route", "static").containsEntry("verdict", "human")
                .containsEntry("method", "GET").containsEntry("status", 200).containsEntry("bytes", 23L)
                .containsKey("ms");
        assertThat(events.list).noneMatch(e -> e.getFormattedMessage().contains("secret"));
    }

    @Test
    void crawlerRequest_isLoggedAsPrerenderWithTheBotsName() throws Exception {
        RawHttp.once(gateway.port(), "GET /doctors/17 HTTP/1.1\r\nHost: x\r\nUser-Agent: "
                + CrawlerRoutingIT.GOOGLEBOT_DESKTOP + "\r\n\r\n");
        assertThat(awaitEvent("/doctors/17")).containsEntry("route", "prerender").containsEntry("verdict", "bot:googlebot")
                .containsEntry("ua", CrawlerRoutingIT.GOOGLEBOT_DESKTOP)
                .as("no farm answered (this gateway has none): no cache result").doesNotContainKey("cache");
    }

    @Test
    void rejectedRequest_isLoggedToo() throws Exception {
        RawHttp.once(gateway.port(), RawHttp.get("/..%2fsecret.txt"));
        assertThat(awaitEvent("/..%2fsecret.txt")).containsEntry("status", 400);
    }
}
