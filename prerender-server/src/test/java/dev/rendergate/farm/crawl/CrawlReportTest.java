package dev.rendergate.farm.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrawlReportTest {
    static final String GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, "
            + "like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String BINGBOT = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
            + "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
            + "Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static PeopleAgents people;

    @BeforeAll
    static void parser() {
        people = new PeopleAgents();
    }

    @Test
    void report_countsCrawlersPagesDaysAndPeople() {
        CrawlTally tally = new CrawlTally(people);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        for (int i = 0; i < 3; i++) {
            tally.add(new AccessRecord(monday, "GET", "/doctors/17", 200, GOOGLEBOT, "HIT", 10 + i));
        }
        tally.add(new AccessRecord(monday.plusDays(1), "GET", "/about", 404, GOOGLEBOT, "MISS", 900));
        tally.add(new AccessRecord(monday.plusDays(1), "GET", "/doctors/17", 200, BINGBOT, "MISS", 300));
        tally.add(new AccessRecord(monday, "GET", "/doctors/17", 200, IPHONE, null, 3));
        tally.add(new AccessRecord(monday, "GET", "/app.js", 200, IPHONE, null, 1));
        tally.add(new AccessRecord(monday, "GET", "/", 200, FIREFOX, null, 2));

        CrawlReport report = CrawlReport.of(tally, 9, 1, Set.of("/doctors/17", "/about", "/specialties/cardiology"));

        assertThat(report.crawlerRequests()).isEqualTo(5);
        assertThat(report.humanRequests()).isEqualTo(3);
        assertThat(report.humanPageViews()).as("the script is not a page view").isEqualTo(2);
        Map<String, Object> google = report.sections().get("Crawlers").get(0);
        assertThat(google).containsEntry("crawler", "googlebot").containsEntry("class", "search").containsEntry("requests", 4L)
                .containsEntry("2xx", 3L).containsEntry("4xx", 1L).containsEntry("cache hit %", "75")
                .containsEntry("p50 ms", "12").containsEntry("p95 ms", "900");
        assertThat(report.sections().get("Crawler requests per day")).extracting(r -> r.get("requests"))
                .containsExactly(3L, 2L);
        assertThat(report.sections().get("Most crawled pages").get(0)).containsEntry("path", "/doctors/17")
                .containsEntry("requests", 4L).containsEntry("crawlers", "googlebot 3, bingbot 1");
        assertThat(report.sections().get("Least crawled pages").get(0)).containsEntry("path", "/about");
        assertThat(report.sections().get("Status codes served to crawlers")).extracting(r -> r.get("status"))
                .containsExactly(200, 404);
        assertThat(report.sections().get("Sitemap pages no crawler fetched"))
                .isEqualTo(List.of(Map.of("path", "/specialties/cardiology")));
        assertThat(report.sections().get("People by browser")).extracting(r -> r.get("browser"))
                .containsExactlyInAnyOrder("Mobile Safari", "Firefox");
        assertThat(report.sections().get("People by OS")).extracting(r -> r.get("os")).containsExactlyInAnyOrder("iOS", "Windows");
        assertThat(report.sections().get("People by device class")).extracting(r -> r.get("class"))
                .containsExactlyInAnyOrder("mobile", "desktop");
    }

    @Test
    void tally_boundsDistinctPaths() {
        CrawlTally tally = new CrawlTally(people);
        LocalDate day = LocalDate.of(2026, 12, 7);
        for (int i = 0; i < CrawlTally.MAX_PATHS + 50; i++) {
            tally.add(new AccessRecord(day, "GET", "/p/" + i, 200, BINGBOT, null, -1));
        }
        assertThat(tally.pages).hasSize(CrawlTally.MAX_PATHS + 1).containsKey(CrawlTally.OTHER_PATHS);
        assertThat(tally.pages.get(CrawlTally.OTHER_PATHS)).containsEntry("bingbot", 50L);
    }
}
