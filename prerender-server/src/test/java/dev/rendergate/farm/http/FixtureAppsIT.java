package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.render.auto.RouteState;
import dev.rendergate.farm.render.auto.RouteState.Verdict;
import dev.rendergate.farm.render.auto.RouteTemplate;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.FixtureApp;
import dev.rendergate.farm.testing.FixturePages;
import dev.rendergate.farm.testing.FixtureSite;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code farm --engine auto} (the default) on SPAs built the way teams build them: every page of every fixture app is
 * right on the first crawler request of its site, and what {@code auto} learns about each site is what the site is.
 */
class FixtureAppsIT {
    private static final Map<FixtureApp, FixtureSite> SITES = new EnumMap<>(FixtureApp.class);
    private static final Map<FixtureApp, String> ORIGINS = new EnumMap<>(FixtureApp.class);
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() {
        assumeTrue(ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed: auto would be HtmlUnit alone");
        FarmConfig config = FarmConfig.defaults().withEngine(EngineMode.AUTO).withPoolSize(2).withCacheMaxBytes(0);
        for (FixtureApp app : FixtureApp.values()) {
            FixtureSite site = FixtureSite.of(app);
            SITES.put(app, site);
            String origin = site.serve();
            ORIGINS.put(app, origin);
            config = config.withAllowedOrigin(origin).withPrivateAddressException(URI.create(origin).getAuthority());
            if (site.apiOrigin().isPresent()) {
                config = config.withAllowedOrigin(site.apiOrigin().get())
                        .withPrivateAddressException(site.apiHostPort().get());
            }
        }
        farm = Farm.create(config).start();
        client = new FarmClient(farm.port());
        Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "Chromium launched");
    }

    @AfterAll
    static void stop() {
        if (farm != null) {
            farm.stop();
        }
        SITES.values().forEach(FixtureSite::close);
    }

    static Stream<Arguments> everyPageOfEveryApp() {
        return Stream.of(FixtureApp.values())
                .flatMap(app -> Stream.of(FixturePages.values()).map(page -> Arguments.of(app, page)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPageOfEveryApp")
    void everyPage_isRight(FixtureApp app, FixturePages page) {
        HttpResponse<String> r = client.render(ORIGINS.get(app) + page.path());

        page.assertServed(r.statusCode(), r.body(), ORIGINS.get(app));
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValueSatisfying(
                engine -> assertThat(engine).isIn("chromium", "htmlunit"));
    }

    @Test
    void modernBuild_htmlUnitFailsOnce_andTheWholeSiteGoesToChromium() {
        String origin = ORIGINS.get(FixtureApp.REACT_VITE);
        client.render(origin + "/doctors/23-lukas-weber");
        RouteTemplate other = RouteTemplate.of(URI.create(origin + "/some/new/page"));
        Await.until(() -> farm.routes().state(other).verdict() == Verdict.CHROMIUM, Duration.ofSeconds(20),
                "the site learned");

        assertThat(farm.routes().state(other).reason()).isEqualTo("htmlunit-unsupported-js");
        HttpResponse<String> r = client.render(origin + "/doctors/42-jonas-keller");
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("chromium");
        assertThat(r.body()).contains("Dr. Jonas Keller");
    }

    @Test
    void engineStatusAndMetrics_showWhatAutoLearned() {
        String origin = ORIGINS.get(FixtureApp.REACT_VITE);
        client.render(origin + "/");
        RouteTemplate site = RouteTemplate.of(URI.create(origin + "/anything"));
        Await.until(() -> farm.routes().state(site).verdict() == Verdict.CHROMIUM, Duration.ofSeconds(20), "learned");

        HttpResponse<String> status = client.get("/engines/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"site\":\"" + origin).contains("\"verdict\":\"chromium\"")
                .contains("\"reason\":\"htmlunit-unsupported-js\"");
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("rendergate_engine_routes{verdict=\"chromium\"}")
                .contains("rendergate_engine_route_renders_total{verdict=")
                .contains("rendergate_engine_checks_total{kind=\"learn\"");
    }

    @Test
    void webComponentApp_htmlUnitDisagrees_andIsNeverServedForThoseRoutes() {
        String origin = ORIGINS.get(FixtureApp.WEB_COMPONENT);
        RouteTemplate doctors = RouteTemplate.of(URI.create(origin + "/doctors/1"));
        int[] ids = {17, 23, 31, 42, 56, 64};
        for (int round = 0; round < 2; round++) {
            for (int id : ids) {
                HttpResponse<String> r = client.render(origin + "/doctors/" + id);
                assertThat(r.headers().firstValue("X-Rendergate-Engine")).as("doctor %d", id).hasValue("chromium");
                assertThat(r.body()).contains("What patients say");
            }
            Await.until(() -> farm.routes().state(doctors).verdict() != Verdict.LEARNING, Duration.ofSeconds(30),
                    "the comparison");
        }

        RouteState state = farm.routes().state(doctors);
        assertThat(state.verdict()).isEqualTo(Verdict.CHROMIUM);
        assertThat(state.disagreed()).isTrue();
        assertThat(state.differing()).contains("jsonLd", "links");
    }

    @Test
    void es5App_htmlUnitAgrees_andEarnsTheRouteWhenItIsFaster() {
        String origin = ORIGINS.get(FixtureApp.SECOND_HOST);
        RouteTemplate doctors = RouteTemplate.of(URI.create(origin + "/doctors/1"));
        int[] ids = {17, 23, 31, 42, 56, 64};
        for (int i = 0; i < ids.length && farm.routes().state(doctors).verdict() == Verdict.LEARNING; i++) {
            int before = farm.routes().state(doctors).agreements();
            client.render(origin + "/doctors/" + ids[i]);
            Await.until(() -> farm.routes().state(doctors).agreements() > before
                    || farm.routes().state(doctors).verdict() != Verdict.LEARNING, Duration.ofSeconds(30), "comparison");
        }

        RouteState state = farm.routes().state(doctors);
        assertThat(state.htmlUnitProven()).as("HtmlUnit agreed every time: %s", state).isTrue();
        if (state.verdict() == Verdict.HTMLUNIT) {
            HttpResponse<String> r = client.render(origin + FixturePages.DOCTOR.path());
            assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("htmlunit");
            FixturePages.DOCTOR.assertServed(r.statusCode(), r.body(), origin);
        }
    }
}
