package dev.rendergate.farm.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.faults.FaultyOrigin.Mode;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The origin down, slow (headers after 20 s) and answering 500 while the farm renders its pages. Without a snapshot
 * the crawler gets a failure with a fixed reason within the budget (the gateway turns it into its fallback) or the
 * origin's own 500, never a cached 200; with a stale snapshot it gets that snapshot at once; when the origin is
 * back the next render is the full page.
 */
class OriginFaultsIT {
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final Duration MARGIN = Duration.ofSeconds(3);
    private static final Duration TTL = Duration.ofSeconds(1);

    private FaultyOrigin origin;
    private Farm farm;
    private FarmClient client;

    @BeforeEach
    void start() throws Exception {
        origin = FaultyOrigin.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(2)
                .withRenderTimeout(BUDGET)
                .withCacheTtl(TTL)).start();
        client = new FarmClient(farm.port());
    }

    @AfterEach
    void stop() {
        farm.stop();
        origin.close();
    }

    @Test
    void originDown_noSnapshot_failsFastWithOriginUnreachable_andHealsWhenItListensAgain() throws Exception {
        origin.down();

        Timed down = render("/down");

        assertThat(down.response().statusCode()).isEqualTo(502);
        assertThat(down.response().headers().firstValue("X-Rendergate-Reason")).hasValue("origin-unreachable");
        assertThat(down.took()).isLessThan(BUDGET.plus(MARGIN));

        origin.up();
        assertFullPage(render("/down").response(), "MISS");
    }

    @Test
    void originSlow_headersAfter20s_crawlerGetsTheTimeoutWithinTheBudget_andHealsWhenItAnswers() throws Exception {
        origin.mode(Mode.SLOW);

        Timed slow = render("/slow");

        assertThat(slow.response().statusCode()).isEqualTo(504);
        assertThat(slow.response().headers().firstValue("X-Rendergate-Reason")).hasValue("timeout");
        assertThat(slow.took()).isLessThan(BUDGET.plus(MARGIN));
        assertThat(farm.prerenderer().metrics().scrape())
                .containsPattern("rendergate_render_seconds_count\\{engine=\"htmlunit\",outcome=\"timeout\"} 1");

        origin.mode(Mode.OK);
        assertFullPage(render("/slow").response(), "MISS");
    }

    @Test
    void origin500_isPassedOnAsTheSitesAnswer_neverCached_andHealsWhenItAnswers() throws Exception {
        origin.mode(Mode.ERROR);

        HttpResponse<String> error = render("/error").response();

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).contains("Internal Server Error");

        origin.mode(Mode.OK);
        assertFullPage(render("/error").response(), "MISS");
    }

    @Test
    void staleSnapshot_isWhatTheCrawlerGets_whileTheOriginIsDownSlowOrFailing_andItIsRefreshedOnceTheOriginIsBack()
            throws Exception {
        for (Mode fault : new Mode[] {Mode.SLOW, Mode.ERROR, null}) {
            String path = "/stale-" + (fault == null ? "down" : fault.name().toLowerCase());
            assertFullPage(render(path).response(), "MISS");
            long cachedAt = System.nanoTime();
            if (fault == null) {
                origin.down();
            } else {
                origin.mode(fault);
            }
            Await.until(() -> System.nanoTime() - cachedAt > TTL.toNanos(), TTL.multipliedBy(3), "the snapshot stale");

            for (int i = 0; i < 2; i++) {
                Timed stale = render(path);
                assertThat(stale.response().statusCode()).as(path).isEqualTo(200);
                assertThat(stale.response().headers().firstValue("X-Rendergate-Cache")).as(path).hasValue("STALE");
                assertThat(stale.response().body()).contains("Content v1");
                assertThat(stale.took()).as("answered without waiting on the origin").isLessThan(Duration.ofSeconds(1));
            }

            if (fault == null) {
                origin.up();
            } else {
                origin.mode(Mode.OK);
            }
            Await.until(() -> !render(path).response().headers().firstValue("X-Rendergate-Cache").orElse("")
                    .equals("STALE"), Duration.ofSeconds(15), "a fresh snapshot once the origin is back");
        }
        assertThat(farm.prerenderer().metrics().count("rendergate_cache_lookups", "outcome", "stale")).isGreaterThanOrEqualTo(6);
    }

    private static void assertFullPage(HttpResponse<String> r, String cache) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Content v1");
        assertThat(r.headers().firstValue("X-Rendergate-Cache")).hasValue(cache);
    }

    private Timed render(String path) {
        long started = System.nanoTime();
        HttpResponse<String> r = client.render(origin.origin() + path);
        return new Timed(r, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }
}
