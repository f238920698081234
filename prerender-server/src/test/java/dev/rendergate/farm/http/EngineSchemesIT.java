package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.cache.QueryAllowList;
import dev.rendergate.farm.render.FailureReason;
import dev.rendergate.farm.render.chromium.ChromiumBrowser;
import dev.rendergate.farm.testing.Await;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inside both engines a page may load only http(s) (plus data:, blob: and about:, which never leave the engine):
 * a {@code file:} script on an allowed page is refused, the page still renders, and what an engine said about a
 * failure never reaches the client, which sees a fixed reason code.
 */
class EngineSchemesIT {
    private static final List<String> REASON_CODES = Arrays.stream(FailureReason.values())
            .map(FailureReason::code).toList();
    private static OriginServer site;

    @BeforeAll
    static void start() throws Exception {
        site = OriginServer.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"htmlunit", "chromium"})
    void fileScripts_areRefused_andEngineErrorTextNeverReachesTheClient(String engine, @TempDir Path dir)
            throws Exception {
        assumeTrue(!engine.equals("chromium") || ChromiumBrowser.findExecutable().isPresent(), "no Chromium installed");
        Path local = dir.resolve("local.js");
        Files.writeString(local, "document.title = 'LOCAL-FILE-' + 'CONTENT';"
                + " document.write('<p id=\"local\">LOCAL-FILE-' + 'CONTENT</p>');");
        Farm farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(site.origin())
                .withPrivateAddressException("127.0.0.1:" + site.port())
                .withEngine(EngineMode.fromLabel(engine))
                .withPoolSize(1)
                .withCacheMaxBytes(0)
                .withQueryParams(QueryAllowList.parse(List.of("127.0.0.1=+src")))).start();
        try {
            FarmClient client = new FarmClient(farm.port());
            Await.until(() -> client.get("/ready").statusCode() == 200, Duration.ofSeconds(60), "engines started");

            String src = URLEncoder.encode(local.toUri().toString(), StandardCharsets.UTF_8);
            HttpResponse<String> page = client.render(site.origin() + "/file-script.html?src=" + src);

            assertThat(page.statusCode()).as("a refused script is not the page's fault: %s", page.body()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).getElementById("page")).as("the page's own script ran").isNotNull();
            assertThat(everything(page)).doesNotContain("LOCAL-FILE-CONTENT");

            HttpResponse<String> failing = client.render(site.origin() + "/script-error.html");
            if (engine.equals("htmlunit")) {
                assertThat(failing.statusCode()).as("HtmlUnit fails a page whose script throws").isEqualTo(502);
            }
            if (failing.statusCode() != 200) {
                assertThat(failing.headers().firstValue("X-Rendergate-Reason")).get().isIn(REASON_CODES);
            }
            assertThat(everything(failing)).doesNotContain("ENGINE-DETAIL");
        } finally {
            farm.stop();
        }
    }

    /** Status line, every header and the body, as one text to search. */
    private static String everything(HttpResponse<String> response) {
        StringBuilder all = new StringBuilder().append(response.statusCode()).append('\n');
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            all.append(h.getKey()).append(": ").append(String.join(", ", h.getValue())).append('\n');
        }
        return all.append(response.body()).toString();
    }
}
