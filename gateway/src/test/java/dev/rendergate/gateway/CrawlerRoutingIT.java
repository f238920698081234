package dev.rendergate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge decision per request: crawlers to the farm, people and assets to the site. */
class CrawlerRoutingIT {

    static final String GOOGLEBOT_SMARTPHONE = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.175 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String GOOGLEBOT_DESKTOP = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackFarm farm;
    private Gateway gateway;
    private Path site;

    @BeforeEach
    void start() throws Exception {
        farm = new LoopbackFarm();
        site = Fixtures.site();
        gateway = Fixtures.start(Fixtures.config(site).withFarm(farm.uri(), "s3cret"));
    }

    @AfterEach
    void stop() {
        gateway.stop();
        farm.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void googlebot_deepLink_getsTheFarmsRender() throws Exception {
        HttpResponse<String> r = get("/doctors/17-ada-fixture?tab=reviews", "User-Agent", GOOGLEBOT_SMARTPHONE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<html>rendered</html>");
        assertThat(r.headers().firstValue("vary")).hasValue("User-Agent");
        assertThat(r.headers().firstValue("cache-control")).hasValue("private, no-cache");
        assertThat(r.headers().firstValue("x-rendergate-cache")).hasValue("HIT");
        LoopbackFarm.Seen seen = farm.seen.get(0);
        assertThat(seen.uri()).isEqualTo("/http://127.0.0.1:" + gateway.port() + "/doctors/17-ada-fixture?tab=reviews");
        assertThat(seen.header("X-Prerender-Token")).isEqualTo("s3cret");
        assertThat(seen.header("X-Rendergate-Device")).isEqualTo("mobile");
        assertThat(seen.header("X-Rendergate-Bot")).isEqualTo("googlebot");
    }

    @Test
    void googlebot_withASpoofedClientAddress_farmIsToldTheConnectionsAddress() throws Exception {
        HttpResponse<String> r = get("/doctors/17-ada-fixture", "User-Agent", GOOGLEBOT_SMARTPHONE,
                "X-Rendergate-Client-Ip", "198.51.100.7");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(farm.seen.get(0).header("X-Rendergate-Client-Ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void person_deepLink_getsTheSpaShell_andTheFarmIsNotAsked() throws Exception {
        HttpResponse<String> r = get("/doctors/17-ada-fixture", "User-Agent", FIREFOX);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readString(site.resolve("index.html")));
        assertThat(r.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).contains("User-Agent"));
        assertThat(farm.seen).isEmpty();
    }

    @Test
    void person_withSpoofedEdgeHeaders_stillGetsTheSpaShell() throws Exception {
        HttpResponse<String> r = get("/doctors/17-ada-fixture", "User-Agent", FIREFOX,
                "X-Rendergate-Bot", "googlebot", "X-Rendergate-Class", "search", "X-Rendergate-Device", "mobile");
        assertThat(r.body()).isEqualTo(Files.readString(site.resolve("index.html")));
        assertThat(farm.seen).isEmpty();
    }

    @Test
    void farmsOwnRenderer_getsTheSpaShell_loopGuard() throws Exception {
        assertThat(get("/doctors/17", "User-Agent", GOOGLEBOT_DESKTOP + " RendergateRenderer/1.0").body())
                .contains("Fixture shell");
        assertThat(get("/doctors/17", "User-Agent", GOOGLEBOT_DESKTOP, "X-Prerender", "1").body())
                .contains("Fixture shell");
        assertThat(farm.seen).isEmpty();
    }

    @Test
    void crawler_asset_getsTheBytes_notARender() throws Exception {
        HttpResponse<String> js = get("/app.js", "User-Agent", GOOGLEBOT_SMARTPHONE);
        assertThat(js.body()).isEqualTo(Files.readString(site.resolve("app.js")));
        HttpResponse<String> api = get("/api/doctors.json", "User-Agent", GOOGLEBOT_SMARTPHONE);
        assertThat(api.body()).contains("Dr. Ada Fixture");
        assertThat(farm.seen).isEmpty();
    }

    @Test
    void farmAnswer_404_isPassedThrough() throws Exception {
        farm.script(s -> LoopbackFarm.Reply.html(404, "<html>not found page</html>"));
        HttpResponse<String> r = get("/no-such-page", "User-Agent", GOOGLEBOT_DESKTOP);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not found page");
    }

    @Test
    void farmAnswer_301_keepsLocation() throws Exception {
        farm.script(s -> new LoopbackFarm.Reply(301, Map.of("Location", "http://example.test/doctors/17-new"), ""));
        HttpResponse<String> r = get("/doctor/17", "User-Agent", GOOGLEBOT_DESKTOP);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("http://example.test/doctors/17-new");
    }

    @Test
    void farmFailure_withReason_givesShellFallbackWithReason() throws Exception {
        farm.script(s -> new LoopbackFarm.Reply(503, Map.of("X-Rendergate-Reason", "queue-full"), "busy"));
        HttpResponse<String> r = get("/doctors/17", "User-Agent", GOOGLEBOT_DESKTOP);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Fixture shell");
        assertThat(r.headers().firstValue("x-rendergate-reason")).hasValue("queue-full");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
    }

    @Test
    void publicOrigin_isTheUrlTheFarmRenders() throws Exception {
        gateway.stop();
        gateway = Fixtures.start(Fixtures.config(site).withFarm(farm.uri(), null)
                .withPublicOrigin(URI.create("https://www.example.test/")));
        get("/doctors?page=2", "User-Agent", GOOGLEBOT_DESKTOP);
        assertThat(farm.seen.get(0).uri()).isEqualTo("/https://www.example.test/doctors?page=2");
        assertThat(farm.seen.get(0).header("X-Prerender-Token")).isNull();
    }

    @Test
    void head_fromCrawler_hasNoBody() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/doctors/17"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("User-Agent", GOOGLEBOT_DESKTOP).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }
}
