package dev.rendergate.farm.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.InspectedSite;
import dev.rendergate.farm.testing.TestJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspector's API and sign-in against a real farm (HtmlUnit) and a real site on loopback. */
class InspectorApiIT {
    private static final String TOKEN = "inspector-test-token-1234567890";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static InspectedSite site;
    private static Farm farm;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        site = InspectedSite.start();
        farm = Farm.create(FarmConfig.defaults()
                .withToken(TOKEN)
                .withAllowedOrigin(site.origin())
                .withPrivateAddressException(URI.create(site.origin()).getAuthority())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(2)
                .withRenderTimeout(Duration.ofSeconds(8))
                .withNetworkIdle(Duration.ofMillis(200))).start();
        base = "http://127.0.0.1:" + farm.port();
        for (String path : List.of("/doctors/17-emma-schwarz", "/gone", "/private")) {
            assertThat(send(get("/render?url=" + enc(site.url(path))).header("X-Prerender-Token", TOKEN)).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        farm.stop();
        site.close();
    }

    @Test
    void everyPageAndApi_withoutTokenOrWithForgedCookie_isRefused() throws Exception {
        String id = idOf(site.url("/doctors/17-emma-schwarz"));
        List<String> pages = List.of("/inspect", "/inspect/", "/inspect/anything");
        List<String> apis = List.of("/inspect/api/snapshots", "/inspect/api/snapshots/" + id,
                "/inspect/api/snapshots/" + id + "/previous", "/inspect/api/snapshots/" + id + "/diff",
                "/inspect/api/snapshots/" + id + "/html", "/inspect/api/snapshots/" + id + "/preview",
                "/inspect/api/crawlers", "/inspect/api/crawl-report");
        String forged = "v1." + (System.currentTimeMillis() / 1000 + 3600) + ".AAAAAAAAAAAAAAAAAAAAAA.forgedmacforgedmacforgedmacforgedmacforged";
        for (String cookie : new String[] {null, forged, "rg_inspector_garbage", "v1.1.x.y"}) {
            for (String page : pages) {
                HttpResponse<String> r = send(withCookie(get(page), cookie));
                assertThat(r.statusCode()).as(page + " cookie " + cookie).isEqualTo(303);
                assertThat(r.headers().firstValue("Location")).hasValue("/inspect/sign-in");
            }
            for (String api : apis) {
                assertThat(send(withCookie(get(api), cookie)).statusCode()).as(api + " cookie " + cookie).isEqualTo(401);
            }
            HttpResponse<String> action = send(withCookie(post("/inspect/api/render", "{\"url\":\"" + site.url("/gone")
                    + "\",\"as\":\"bingbot\"}"), cookie).header("X-Rendergate-Csrf", "1"));
            assertThat(action.statusCode()).isEqualTo(401);
        }
        assertThat(send(get("/inspect/api/snapshots").header("X-Prerender-Token", "wrong")).statusCode()).isEqualTo(401);
        // The token never travels in a URL: a query parameter is not a credential.
        assertThat(send(get("/inspect/api/snapshots?token=" + TOKEN + "&X-Prerender-Token=" + TOKEN)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signIn_rightToken_setsAStrictHttpOnlyCookieThatOpensThePageAndApi() throws Exception {
        HttpResponse<String> wrong = send(form("/inspect/sign-in", "token=nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not this farm's token");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> ok = send(form("/inspect/sign-in", "token=" + enc(TOKEN)));
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("rg_inspector=v1.").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/inspect").doesNotContain(TOKEN);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = send(get("/inspect").header("Cookie", cookie));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SEO inspector").contains("/inspect/assets/inspector.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(send(get("/inspect/api/snapshots").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        // A tampered cookie (one character of its signature changed) is refused.
        String tampered = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
        assertThat(send(get("/inspect/api/snapshots").header("Cookie", tampered)).statusCode()).isEqualTo(401);
    }

    @Test
    void actions_fromAnotherSiteOrWithoutTheCsrfHeader_areRefused() throws Exception {
        String cookie = signedInCookie();
        String body = "{\"url\":\"" + site.url("/gone") + "\",\"as\":\"bingbot\"}";

        HttpResponse<String> foreign = send(post("/inspect/api/render", body).header("Cookie", cookie)
                .header("X-Rendergate-Csrf", "1").header("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("X-Rendergate-Reason")).hasValue("cross-site");
        assertThat(send(get("/inspect/api/snapshots").header("Cookie", cookie).header("Origin", "null")).statusCode())
                .isEqualTo(403);
        assertThat(send(get("/inspect/api/snapshots").header("Cookie", cookie).header("Sec-Fetch-Site", "cross-site"))
                .statusCode()).isEqualTo(403);
        assertThat(send(form("/inspect/sign-in", "token=" + enc(TOKEN)).header("Origin", "https://evil.example"))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> noCsrf = send(post("/inspect/api/render", body).header("Cookie", cookie));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.headers().firstValue("X-Rendergate-Reason")).hasValue("csrf");

        HttpResponse<String> sameOrigin = send(post("/inspect/api/render", body).header("Cookie", cookie)
                .header("X-Rendergate-Csrf", "1").header("Origin", base));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void list_filtersSortsAndPagesOnTheServer() throws Exception {
        Map<?, ?> all = json(api("/inspect/api/snapshots?sort=url&order=asc"));
        assertThat(((Number) all.get("total")).intValue()).isGreaterThanOrEqualTo(3);
        List<?> items = (List<?>) all.get("items");
        List<String> urls = items.stream().map(i -> (String) ((Map<?, ?>) i).get("url")).toList();
        assertThat(urls).isSorted();

        Map<?, ?> noindex = json(api("/inspect/api/snapshots?flag=noindex"));
        assertThat((List<?>) noindex.get("items")).singleElement()
                .satisfies(i -> assertThat(((Map<?, ?>) i).get("url")).isEqualTo(site.url("/private")));
        Map<?, ?> soft404 = json(api("/inspect/api/snapshots?flag=soft-404&engine=htmlunit&device=desktop&status=2xx"));
        assertThat((List<?>) soft404.get("items")).singleElement()
                .satisfies(i -> assertThat(((Map<?, ?>) i).get("title")).isEqualTo("Page not found | MedBook"));
        Map<?, ?> text = json(api("/inspect/api/snapshots?q=EMMA"));
        assertThat(((Number) text.get("total")).intValue()).isEqualTo(1);
        Map<?, ?> paged = json(api("/inspect/api/snapshots?size=1&page=2&sort=url"));
        assertThat((List<?>) paged.get("items")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) paged.get("items")).get(0)).get("url")).isEqualTo(urls.get(1));

        HttpResponse<String> bad = api("/inspect/api/snapshots?sort=nope");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sort must be one of");
        assertThat(api("/inspect/api/snapshots?size=5000").statusCode()).isEqualTo(400);
        assertThat(api("/inspect/api/snapshots?flag=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void detail_showsFactsAndProblemsWithExplanations() throws Exception {
        Map<?, ?> detail = json(api("/inspect/api/snapshots/" + idOf(site.url("/doctors/17-emma-schwarz"))));
        Map<?, ?> facts = (Map<?, ?>) detail.get("facts");
        assertThat(facts.get("titles")).isEqualTo(List.of("Dr. Emma Schwarz, cardiologist in Berlin | MedBook"));
        assertThat(((Map<?, ?>) facts.get("openGraph")).get("og:title")).isEqualTo("Dr. Emma Schwarz");
        assertThat(((Map<?, ?>) ((List<?>) facts.get("jsonLd")).get(0)).get("types")).isEqualTo(List.of("Physician"));
        assertThat(((Number) facts.get("externalLinks")).intValue()).isEqualTo(1);
        assertThat((List<?>) detail.get("problems")).isEmpty();

        Map<?, ?> gone = json(api("/inspect/api/snapshots/" + idOf(site.url("/gone"))));
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) gone.get("problems")).get(0);
        assertThat(problem.get("kind")).isEqualTo("soft-404");
        assertThat((String) problem.get("explanation")).contains("looks like a not-found page");
        assertThat((String) problem.get("fix")).contains("prerender-status-code");

        HttpResponse<String> preview = api("/inspect/api/snapshots/" + idOf(site.url("/gone")) + "/preview");
        assertThat(preview.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("sandbox;");
        assertThat(preview.body()).contains("<base href=\"" + site.url("/gone") + "\">");
        assertThat(api("/inspect/api/snapshots/AAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(api("/inspect/api/snapshots/..%2F..%2Fetc").statusCode()).isEqualTo(404);
    }

    @Test
    void renderAsAndDiff_keepThePreviousSnapshotAndShowWhatChanged() throws Exception {
        String url = site.url("/changing");
        Map<?, ?> first = json(send(post("/inspect/api/render", "{\"url\":\"" + url + "\",\"as\":\"bingbot\"}")
                .header("X-Prerender-Token", TOKEN)));
        Map<?, ?> row = (Map<?, ?>) first.get("row");
        assertThat(row.get("renderedAs")).isEqualTo("bingbot");
        assertThat(row.get("device")).isEqualTo("desktop");
        String id = (String) row.get("id");
        assertThat(api("/inspect/api/snapshots/" + id + "/diff").statusCode()).isEqualTo(404);

        site.change("Dr. Lena Vogel", "Pankow");
        Map<?, ?> second = json(send(post("/inspect/api/snapshots/" + id + "/recache", "").header("X-Prerender-Token", TOKEN)));
        assertThat(second.get("previousRenderedAt")).isNotNull();

        Map<?, ?> previous = json(api("/inspect/api/snapshots/" + id + "/previous"));
        assertThat(((Map<?, ?>) previous.get("row")).get("title")).isEqualTo("Dr. Jonas Weber, cardiologist in Berlin | MedBook");
        Map<?, ?> diff = json(api("/inspect/api/snapshots/" + id + "/diff"));
        assertThat((List<?>) diff.get("fields")).anySatisfy(f -> {
            assertThat(((Map<?, ?>) f).get("field")).isEqualTo("title");
            assertThat(((Map<?, ?>) f).get("after")).isEqualTo("Dr. Lena Vogel, cardiologist in Berlin | MedBook");
        });
        assertThat((List<?>) diff.get("text")).anySatisfy(l -> assertThat(l).isEqualTo(Map.of("op", "added", "text", "Dr. Lena Vogel")));
        assertThat((List<?>) diff.get("text")).anySatisfy(l -> assertThat(l).isEqualTo(Map.of("op", "removed", "text", "Dr. Jonas Weber")));

        Map<?, ?> smartphone = json(send(post("/inspect/api/render", "{\"url\":\"" + url + "\",\"as\":\"googlebot-smartphone\"}")
                .header("X-Prerender-Token", TOKEN)));
        assertThat(((Map<?, ?>) smartphone.get("row")).get("device")).isEqualTo("mobile");
        assertThat(send(post("/inspect/api/render", "{\"url\":\"https://not-allowed.example/\",\"as\":\"gptbot\"}")
                .header("X-Prerender-Token", TOKEN)).statusCode()).isEqualTo(403);
        assertThat(send(post("/inspect/api/render", "{\"url\":\"" + url + "\",\"as\":\"someone\"}")
                .header("X-Prerender-Token", TOKEN)).statusCode()).isEqualTo(400);
    }

    @Test
    void farmWithoutToken_keepsTheInspectorOff() {
        Farm open = Farm.create(FarmConfig.defaults().withEngine(EngineMode.HTMLUNIT).withPoolSize(1)).start();
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port()
                    + "/inspect/api/snapshots")));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("inspector-off");
        } finally {
            open.stop();
        }
    }

    static String idOf(String url) throws Exception {
        Map<?, ?> page = json(api("/inspect/api/snapshots?device=desktop&q=" + enc(url)));
        return (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
    }

    private static String signedInCookie() {
        String setCookie = send(form("/inspect/sign-in", "token=" + enc(TOKEN))).headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> api(String path) {
        return send(get(path).header("X-Prerender-Token", TOKEN));
    }

    private static Map<?, ?> json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (Map<?, ?>) TestJson.parse(r.body());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder b, String cookie) {
        return cookie == null ? b : b.header("Cookie", "rg_inspector=" + cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
