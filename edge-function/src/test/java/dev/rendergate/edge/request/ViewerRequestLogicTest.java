package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.BotClass;
import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.detect.CrawlerRule;
import dev.rendergate.edge.detect.JavaRegexMatcherFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ViewerRequestLogicTest {

    static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String CURL = "curl/8.5.0";

    private final ViewerRequestLogic logic =
            new ViewerRequestLogic(EdgeConfig.defaults(), CrawlerClassifier.standard());

    static EdgeRequest get(String uri, String userAgent) {
        Map<String, List<EdgeHeader>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(new EdgeHeader("Host", "www.example.org")));
        if (userAgent != null) {
            headers.put("user-agent", List.of(new EdgeHeader("User-Agent", userAgent)));
        }
        return EdgeRequest.of("GET", uri, "", headers);
    }

    @Test
    void apply_googlebotSmartphone_isMarkedMobileSearchWithOriginalUaAndHost() {
        EdgeRequest out = logic.apply(get("/doctors/17-jane-doe", GOOGLEBOT_SMARTPHONE));

        assertThat(EdgeHeaders.isMarked(out)).isTrue();
        assertThat(out.uri()).isEqualTo("/doctors/17-jane-doe");
        assertThat(out.header(EdgeHeaders.BOT)).contains("googlebot");
        assertThat(out.header(EdgeHeaders.CLASS)).contains("search");
        assertThat(out.header(EdgeHeaders.DEVICE)).contains("mobile");
        assertThat(out.header(EdgeHeaders.UA)).contains(GOOGLEBOT_SMARTPHONE);
        assertThat(out.header(EdgeHeaders.HOST)).contains("www.example.org");
        assertThat(out.headers().get(EdgeHeaders.BOT).get(0).key()).isEqualTo("X-Rendergate-Bot");
    }

    @Test
    void apply_humanDeepLink_isRewrittenToShellAndNotMarked() {
        EdgeRequest out = logic.apply(get("/doctors/17-jane-doe", CHROME));

        assertThat(out.uri()).isEqualTo("/index.html");
        assertThat(EdgeHeaders.isMarked(out)).isFalse();
    }

    @Test
    void apply_humanWithForgedMarkers_losesThemAllAndKeepsOtherHeaders() {
        EdgeRequest forged = get("/", CHROME)
                .withHeader("X-Rendergate-Bot", "googlebot")
                .withHeader("X-RENDERGATE-Class", "search")
                .withHeader("x-rendergate-anything", "1")
                .withHeader("Accept", "text/html");

        EdgeRequest out = logic.apply(forged);

        assertThat(out.headers().keySet()).containsExactly("host", "user-agent", "accept");
        assertThat(out.uri()).isEqualTo("/index.html");
    }

    @Test
    void apply_crawlerWithForgedMarkers_getsOnlyTheEdgesOwnValues() {
        EdgeRequest forged = get("/about", GOOGLEBOT_SMARTPHONE)
                .withHeader("X-Rendergate-Device", "desktop")
                .withHeader("X-Rendergate-Host", "evil.example.net");

        EdgeRequest out = logic.apply(forged);

        assertThat(out.header(EdgeHeaders.DEVICE)).contains("mobile");
        assertThat(out.header(EdgeHeaders.HOST)).contains("www.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app.js", "/assets/style.CSS", "/img/logo.png", "/fonts/a.woff2", "/app.js.map",
        "/data/doctors.json", "/robots.txt", "/sitemap.xml", "/docs/report.pdf", "/m.wasm", "/app%2Ejs",
        "/api/doctors", "/%61pi/doctors", "/API/doctors/17", "/.well-known/security.txt"})
    void apply_assetsAndSkippedPrefixes_passUnchangedEvenForCrawlers(String uri) {
        EdgeRequest crawler = get(uri, GOOGLEBOT_SMARTPHONE);
        EdgeRequest human = get(uri, CHROME);

        assertThat(logic.apply(crawler)).isEqualTo(crawler);
        assertThat(logic.apply(human)).isEqualTo(human);
    }

    @Test
    void apply_post_passesUnchanged() {
        EdgeRequest post = new EdgeRequest("", "POST", "/contact", "", get("/contact", CHROME).headers(), null);

        assertThat(logic.apply(post)).isEqualTo(post);
    }

    @Test
    void apply_headFromCrawler_isMarked() {
        EdgeRequest get = get("/doctors", GOOGLEBOT_SMARTPHONE);
        EdgeRequest head = new EdgeRequest("", "HEAD", get.uri(), "", get.headers(), null);

        assertThat(EdgeHeaders.isMarked(logic.apply(head))).isTrue();
    }

    @Test
    void apply_renderersOwnRequest_isNeverMarkedButGetsTheShell() {
        EdgeRequest byUa = get("/doctors/17", GOOGLEBOT_SMARTPHONE + " RendergateRenderer/1.0");
        EdgeRequest byHeader = get("/doctors/17", GOOGLEBOT_SMARTPHONE).withHeader("X-Prerender", "1");

        assertThat(logic.apply(byUa).uri()).isEqualTo("/index.html");
        assertThat(EdgeHeaders.isMarked(logic.apply(byUa))).isFalse();
        assertThat(EdgeHeaders.isMarked(logic.apply(byHeader))).isFalse();
    }

    /**
     * With tools prerendered, the renderer's own User-Agent gets a tool verdict that would otherwise be
     * marked, also when it is malformed, flooded with keywords or oversized.
     */
    @Test
    void apply_renderersOwnRequestWithToolsPrerendered_isNeverMarked() {
        ViewerRequestLogic withTools = new ViewerRequestLogic(
                EdgeConfig.defaults().withPrerenderClasses(Set.of(BotClass.TOOL)), CrawlerClassifier.standard());
        List<String> renderers = List.of("RendergateRenderer/1.0", "Mozilla/5.0 RendergateRenderer/1.0\u0001",
                "RendergateRenderer/1.0 " + "bot ".repeat(200), "RendergateRenderer/1.0 " + "x".repeat(9000));

        for (String userAgent : renderers) {
            assertThat(EdgeHeaders.isMarked(withTools.apply(get("/doctors/17", userAgent)))).as(userAgent).isFalse();
        }
        assertThat(EdgeHeaders.isMarked(withTools.apply(get("/doctors/17", CURL)))).isTrue();
    }

    /** Every classifier tries the renderer's rule first, whatever rules it is given. */
    @Test
    void apply_renderersOwnRequest_isNeverMarkedWhateverRulesTheClassifierHas() {
        CrawlerClassifier everyoneIsGooglebot = CrawlerClassifier.of(
                List.of(CrawlerRule.shape(BotClass.SEARCH, "googlebot", ".")), JavaRegexMatcherFactory.INSTANCE);
        ViewerRequestLogic guarded = new ViewerRequestLogic(EdgeConfig.defaults(), everyoneIsGooglebot);

        assertThat(EdgeHeaders.isMarked(guarded.apply(get("/doctors/17", "RendergateRenderer/1.0")))).isFalse();
        assertThat(EdgeHeaders.isMarked(guarded.apply(get("/doctors/17", CHROME)))).isTrue();
    }

    @Test
    void apply_missingUserAgent_isTreatedAsHuman() {
        EdgeRequest out = logic.apply(get("/doctors", null));

        assertThat(EdgeHeaders.isMarked(out)).isFalse();
        assertThat(out.uri()).isEqualTo("/index.html");
    }

    @Test
    void apply_toolBotNotPrerendered_getsTheShellLikeAPerson() {
        EdgeRequest out = logic.apply(get("/doctors", CURL));

        assertThat(EdgeHeaders.isMarked(out)).isFalse();
        assertThat(out.uri()).isEqualTo("/index.html");
    }

    @Test
    void apply_toolClassConfigured_marksTools() {
        ViewerRequestLogic withTools = new ViewerRequestLogic(
                EdgeConfig.defaults().withPrerenderClasses(Set.of(BotClass.TOOL)), CrawlerClassifier.standard());

        assertThat(withTools.apply(get("/doctors", CURL)).header(EdgeHeaders.CLASS)).contains("tool");
        assertThat(EdgeHeaders.isMarked(withTools.apply(get("/doctors", GOOGLEBOT_SMARTPHONE)))).isFalse();
    }

    @Test
    void apply_pageWithHtmlExtension_isMarkedForCrawlerAndKeptForHuman() {
        assertThat(EdgeHeaders.isMarked(logic.apply(get("/about.html", GOOGLEBOT_SMARTPHONE)))).isTrue();
        assertThat(logic.apply(get("/about.html", CHROME)).uri()).isEqualTo("/about.html");
    }

    @Test
    void apply_classifierThrows_failsOpenWithSpoofedHeadersStripped() {
        ViewerRequestLogic broken = new ViewerRequestLogic(EdgeConfig.defaults(), userAgent -> {
            throw new IllegalStateException("broken rules");
        });
        EdgeRequest forged = get("/doctors", CHROME).withHeader("X-Rendergate-Bot", "googlebot");

        EdgeRequest out = broken.apply(forged);

        assertThat(out).isEqualTo(get("/doctors", CHROME));
    }
}
