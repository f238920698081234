package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The budget is a hard bound in every engine: a page that spins, grows a string or grows the DOM without end is
 * answered 504 within the budget plus a second, never 200 and never cached, and the one engine slot renders the
 * next page normally.
 */
class HostilePagesIT {
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static OriginServer origin;

    @BeforeAll
    static void start() throws Exception {
        origin = OriginServer.start();
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "htmlunit, /loop.html", "htmlunit, /string-growth.html", "htmlunit, /dom-growth.html", "htmlunit, /late-loop.html",
        "chromium, /loop.html", "chromium, /string-growth.html", "chromium, /dom-growth.html", "chromium, /late-loop.html",
        "auto, /loop.html", "auto, /string-growth.html", "auto, /dom-growth.html", "auto, /late-loop.html",
    })
    void cpuBoundPage_answers504WithinBudget_andTheSlotRendersTheNextPage(String engine, String page) {
        assumeTrue(!engine.equals("chromium") || ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        Farm farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.fromLabel(engine))
                .withPoolSize(1)
                .withRenderTimeout(BUDGET)).start();
        try {
            FarmClient client = new FarmClient(farm.port());
            Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "engines started");

            long start = System.nanoTime();
            HttpResponse<String> hostile = client.render(origin.origin() + page);
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(hostile.statusCode()).isEqualTo(504);
            assertThat(hostile.headers().firstValue("X-Rendergate-Reason")).hasValue("timeout");
            assertThat(ms).as("answered within the budget plus a second").isLessThan(BUDGET.toMillis() + 1_000);
            assertThat(client.render(origin.origin() + page).statusCode()).as("never cached").isEqualTo(504);
            HttpResponse<String> next = client.render(origin.origin() + "/basic.html");
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).contains("Hello from JS");
        } finally {
            farm.stop();
        }
    }
}
