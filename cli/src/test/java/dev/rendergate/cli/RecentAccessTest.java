package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.rendergate.farm.crawl.AccessRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** What {@code up} keeps of its recent traffic for the inspector's crawl report stays bounded in count and bytes. */
class RecentAccessTest {

    @Test
    void hugePathsAndUserAgents_areCutAndBoundedInCharacters() {
        RecentAccess recent = new RecentAccess();
        String path = "/" + "p".repeat(8 * 1024);
        String ua = "Mozilla/5.0 " + "u".repeat(16 * 1024);

        for (int i = 0; i < 10_000; i++) {
            recent.append(event(path + i, ua));
        }

        long[] kept = recent.kept();
        assertThat(kept[1]).as("characters of the kept paths and User-Agents").isLessThanOrEqualTo(RecentAccess.KEPT_CHARS);
        assertThat(kept[0]).as("records kept").isEqualTo(RecentAccess.KEPT_CHARS / (2 * RecentAccess.MAX_FIELD));
    }

    @Test
    void ordinaryRequests_keptUpToTheCount() {
        RecentAccess recent = new RecentAccess();

        for (int i = 0; i < RecentAccess.KEPT + 10; i++) {
            recent.append(event("/doctors/" + i, "Mozilla/5.0 (compatible; Googlebot/2.1)"));
        }

        assertThat(recent.kept()[0]).isEqualTo(RecentAccess.KEPT);
    }

    @Test
    void repeatedUserAgentsPathsAndDays_areHeldOnce() {
        RecentAccess recent = new RecentAccess();

        recent.append(event("/doctors/17", "Mozilla/5.0 (compatible; Googlebot/2.1)"));
        AccessRecord first = recent.newest();
        recent.append(event(new String("/doctors/17"), new String("Mozilla/5.0 (compatible; Googlebot/2.1)")));
        AccessRecord second = recent.newest();

        assertThat(second).isNotSameAs(first);
        assertThat(second.userAgent()).isSameAs(first.userAgent());
        assertThat(second.path()).isSameAs(first.path());
        assertThat(second.method()).isSameAs(first.method());
        assertThat(second.day()).isSameAs(first.day());
    }

    @Test
    void sharedText_staysBounded_underDistinctText() {
        SharedText shared = new SharedText(100);

        for (int i = 0; i < 10_000; i++) {
            assertThat(shared.share("/random/" + i)).isEqualTo("/random/" + i);
        }

        assertThat(shared.size()).isLessThanOrEqualTo(100);
        String held = shared.share(new String("/random/9999"));
        assertThat(shared.share(new String("/random/9999"))).isSameAs(held);
    }

    private static LoggingEvent event(String path, String ua) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("access");
        event.setMessage("access");
        event.setTimeStamp(1_765_000_000_000L);
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("path", path));
        event.addKeyValuePair(new KeyValuePair("method", "GET"));
        event.addKeyValuePair(new KeyValuePair("ua", ua));
        return event;
    }
}
