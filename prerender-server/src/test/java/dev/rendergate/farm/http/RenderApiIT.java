package dev.rendergate.farm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import dev.rendergate.farm.testing.FarmClient;
import dev.rendergate.farm.testing.OriginServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API against a real origin on port 0, one page per behaviour, HtmlUnit engine, cache on. */
class RenderApiIT {
    private static OriginServer origin;
    private static Farm farm;
    private static FarmClient client;

    @BeforeAll
    static void start() throws Exception {
        origin = OriginServer.start();
        farm = Farm.create(FarmConfig.defaults()
                .withAllowedOrigin(origin.origin())
                .withPrivateAddressException("127.0.0.1:" + origin.port())
                .withEngine(EngineMode.HTMLUNIT)
                .withPoolSize(2)
                .withRenderTimeout(Duration.ofSeconds(4))
                .withNetworkIdle(Duration.ofMillis(300))).start();
        client = new FarmClient(farm.port());
    }

    @AfterAll
    static void stop() {
        farm.stop();
        origin.close();
    }

    @Test
    void render_jsSetsTitleAndMeta_snapshotHasThemAndNoScripts() {
        HttpResponse<String> r = client.render(origin.origin() + "/basic.html");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("X-Rendergate-Engine")).hasValue("htmlunit");
        assertThat(r.headers().firstValue("X-Rendergate-Render-Ms")).isPresent();
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.title()).isEqualTo("Rendered by script");
        assertThat(doc.select("meta[name=description]").attr("content")).isEqualTo("Description set by JavaScript");
        assertThat(doc.select("#app h1").text()).isEqualTo("Hello from JS");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("meta[name=rendergate-render-id]").attr("content")).isNotBlank();
        assertThat(r.body()).startsWithIgnoringCase("<!DOCTYPE html>");
    }

    @Test
    void render_sendsRendererUserAgentAndPrerenderHeader_perDevice() {
        HttpResponse<String> desktop = client.render(origin.origin() + "/basic.html?id=ua-desktop");
        assertThat(Jsoup.parse(desktop.body()).select("#ua").text())
                .endsWith("RendergateRenderer/1.0").doesNotContain("Mobile");
        assertThat(origin.lastPrerenderHeader()).isEqualTo("1");

        HttpResponse<String> mobile = client.render(origin.origin() + "/basic.html?id=ua-mobile",
                Map.of("X-Rendergate-Device", "mobile"));
        assertThat(Jsoup.parse(mobile.body()).select("#ua").text()).contains("Mobile").endsWith("RendergateRenderer/1.0");
    }

    @Test
    void render_twice_secondIsCacheHit_andDevicesAreSeparateEntries() {
        String url = origin.origin() + "/basic.html?id=cache-1";
        assertThat(client.render(url).headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
        assertThat(client.render(url).headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(client.get("/render?device=mobile&url=" + java.net.URLEncoder.encode(url,
                java.nio.charset.StandardCharsets.UTF_8)).headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
    }

    @Test
    void render_hit_sendsTheMissBytesUnchanged_nonLatin1Included_andHeadHasNoBody() throws Exception {
        String url = origin.origin() + "/unicode.html";
        String names = "Zo\u00eb \u00dcnal \u2014 \u6771\u4eac \ud83e\ude7a";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + farm.port() + "/" + url)).build();

        HttpResponse<byte[]> miss = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> hit = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> secondHit = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(get.uri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(miss.headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
        assertThat(new String(miss.body(), StandardCharsets.UTF_8)).contains(names);
        assertThat(hit.headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(hit.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(hit.headers().firstValue("X-Rendergate-Engine")).hasValue("htmlunit");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(secondHit.body()).as("every hit gets the whole page").isEqualTo(miss.body());
        assertThat(hit.headers().firstValueAsLong("Content-Length")).hasValue(miss.body().length);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Rendergate-Cache")).hasValue("HIT");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void render_prerenderIoForm_sameAsRenderForm() {
        HttpResponse<String> r = client.get("/" + origin.origin() + "/basic.html?id=form-prerender-io");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).title()).isEqualTo("Rendered by script");
    }

    @Test
    void render_slowXhr_waitsForNetworkIdle() {
        HttpResponse<String> r = client.render(origin.origin() + "/xhr-slow.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("#late").text()).isEqualTo("Data from a slow API");
    }

    @Test
    void render_prerenderReadyLate_waitsForIt() {
        HttpResponse<String> r = client.render(origin.origin() + "/ready-late.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("#ready").text()).isEqualTo("Ready after a while");
    }

    @Test
    void render_neverReadyWhileTimersRun_timesOutWith504_andIsNotCached() {
        String url = origin.origin() + "/never-ready-polling.html";
        long start = System.nanoTime();
        HttpResponse<String> first = client.render(url);
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(first.statusCode()).isEqualTo(504);
        assertThat(first.headers().firstValue("X-Rendergate-Reason")).hasValue("timeout");
        assertThat(ms).isBetween(3_500L, 7_000L);
        HttpResponse<String> second = client.render(url);
        assertThat(second.statusCode()).isEqualTo(504);
        assertThat(second.headers().firstValue("X-Rendergate-Cache")).hasValue("MISS");
    }

    @Test
    void render_neverReadyWithNothingLeftToRun_failsAsStalled_withoutWaitingOutTheBudget() {
        long start = System.nanoTime();
        HttpResponse<String> r = client.render(origin.origin() + "/never-ready.html");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("htmlunit-stalled");
        assertThat(ms).isLessThan(3_000);
    }

    @Test
    void render_meta404_answers404_andMetaIsRemoved() {
        HttpResponse<String> r = client.render(origin.origin() + "/not-found.html");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found").doesNotContain("prerender-status-code");
    }

    @Test
    void render_meta301_answers301WithLocation_neverSetCookie() {
        HttpResponse<String> r = client.render(origin.origin() + "/moved.html");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(origin.origin() + "/basic.html");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body()).doesNotContain("render:status_code").doesNotContain("render:header");
    }

    @Test
    void render_origin500_passesThrough() {
        HttpResponse<String> r = client.render(origin.origin() + "/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("Something broke");
    }

    @Test
    void render_origin302_notFollowed_passedThroughWithLocation() {
        HttpResponse<String> r = client.render(origin.origin() + "/old");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(origin.origin() + "/basic.html");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void render_moduleScript_htmlUnitSaysWhyItCannot() {
        HttpResponse<String> r = client.render(origin.origin() + "/module.html");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("htmlunit-unsupported-js");
        assertThat(r.body()).doesNotContain("Loading").doesNotContain("/assets/index.js")
                .contains("HtmlUnit cannot run this page's JavaScript");
    }

    @Test
    void render_unhandledPromiseRejection_isAScriptError_reportedAtOnce() {
        long start = System.nanoTime();
        HttpResponse<String> r = client.render(origin.origin() + "/rejection.html");
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("htmlunit-script-error");
        assertThat(r.body()).doesNotContain("data load failed");
        assertThat(ms).isLessThan(3_000);
    }

    @Test
    void render_emptyAppRoot_isAFailedRender() {
        HttpResponse<String> r = client.render(origin.origin() + "/empty.html");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason")).hasValue("app-root-empty");
    }

    @Test
    void render_shellStillLoading_isAFailedRender() {
        HttpResponse<String> r = client.render(origin.origin() + "/shell.html");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("X-Rendergate-Reason").orElseThrow()).startsWith("app-root-unrendered");
    }

    @Test
    void render_hugeDom_rendersCompletely() {
        HttpResponse<String> r = client.render(origin.origin() + "/huge.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("li.row")).hasSize(20_000);
    }

    @Test
    void render_alertConfirmPrompt_neverBlock() {
        HttpResponse<String> r = client.render(origin.origin() + "/dialogs.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(r.body()).select("#dialogs").text()).isEqualTo("confirm=true prompt=null");
    }

    @Test
    void render_postProcessing_keepsJsonLdAndMakesLinksAbsolute() {
        HttpResponse<String> r = client.render(origin.origin() + "/post.html");
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script").attr("type")).isEqualTo("application/ld+json");
        assertThat(doc.select("#rel").attr("href")).isEqualTo(origin.origin() + "/doctors/17");
        assertThat(doc.select("#abs").attr("href")).isEqualTo(origin.origin() + "/about");
        assertThat(doc.select("#frag").attr("href")).isEqualTo("#top");
        assertThat(doc.select("#mail").attr("href")).isEqualTo("mailto:a@example.com");
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo(origin.origin() + "/post.html");
    }

    @Test
    void health_ready_metrics_answer() {
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/ready").statusCode()).isEqualTo(200);
        client.render(origin.origin() + "/basic.html?metrics=1");
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("rendergate_requests_total{outcome=\"rendered\"}")
                .contains("rendergate_render_seconds_bucket{engine=\"htmlunit\"")
                .contains("rendergate_queue_depth")
                .contains("rendergate_cache_lookups_total{outcome=\"miss\"}");
    }
}
