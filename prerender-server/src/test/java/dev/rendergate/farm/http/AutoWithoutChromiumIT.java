package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.FixtureApp;
import dev.rendergate.farm.testing.FixturePages;
import dev.rendergate.farm.testing.FixtureSite;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code auto} on a machine without Chromium ({@code --chromium none} stands in for the missing package): pages
 * HtmlUnit can run still render; the others fail fast, within the probe budget plus a second, saying what to
 * install; {@code /ready} says the farm is degraded.
 */
class AutoWithoutChromiumIT {
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static FixtureSite react;
    private static FixtureSite es2020;
    private static FixtureSite es5;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() {
        react = FixtureSite.of(FixtureApp.REACT_VITE);
        es2020 = FixtureSite.of(FixtureApp.ES2020);
        es5 = FixtureSite.of(FixtureApp.WEB_COMPONENT);
        FarmConfig config = FarmConfig.defaults().withEngine(EngineMode.AUTO).withChromium(FarmConfig.NO_CHROMIUM)
                .withPoolSize(1).withRenderTimeout(BUDGET).withCacheMaxBytes(0);
        for (FixtureSite site : new FixtureSite[] {react, es2020, es5}) {
            String origin = site.serve();
            config = config.withAllowedOrigin(origin).withPrivateAddressException(URI.create(origin).getAuthority());
        }
        farm = Farm.create(config).start();
        client = new FarmClient(farm.port());
    }

    @AfterAll
    static void stop() {
        farm.stop();
        react.close();
        es2020.close();
        es5.close();
    }

    @ParameterizedTest
    @EnumSource(value = FixtureApp.class, names = {"REACT_VITE", "ES2020"})
    void pageHtmlUnitCannotRun_failsFast_andSaysWhatToInstall(FixtureApp app) {
        String origin = (app == FixtureApp.REACT_VITE ? react : es2020).serve();
        long start = System.nanoTime();
        HttpResponse<String> r = client.render(origin + FixturePages.DOCTOR.path());
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("needs-chromium");
        assertThat(r.body()).contains("apt-get install chromium").contains("--engine chromium");
        assertThat(ms).as("within the probe budget plus a second")
                .isLessThan(farm.config().effectiveProbeBudget().toMillis() + 1_000);
    }

    @Test
    void pageHtmlUnitCanRun_stillRenders() {
        String origin = es5.serve();
        HttpResponse<String> r = client.render(origin + FixturePages.HOME.path());
        FixturePages.HOME.assertServed(r.statusCode(), r.body(), origin);
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("htmlunit");
    }

    @Test
    void ready_saysTheFarmHasNoChromium() {
        HttpResponse<String> ready = client.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("no Chromium").contains("chromium package");
    }
}
