package dev.rendergate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.farm.FarmConfig;
import dev.rendergate.gateway.GatewayConfig;
import dev.rendergate.gateway.MetricsListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded default end to end: real gateway, real farm with HtmlUnit, the real sample site, real HTTP. */
class UpIT {
  static final Path SITE = Path.of("..", "static-site", "site").toAbsolutePath().normalize();
  static final String GOOGLEBOT = UpCommand.GOOGLEBOT_SMARTPHONE;
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  static final String DOCTOR_17 = "/doctors/17-emma-schwarz";

  static EmbeddedStack stack;
  static HttpClient client;

  @BeforeAll
  static void start() {
    stack = EmbeddedStack.start(
        GatewayConfig.defaults(SITE).withPort(0).withMetrics(MetricsListener.loopback(0)),
        FarmConfig.defaults().withPort(0).withPoolSize(2));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void banner_namesTheInspectorAndShowsTheGeneratedTokenOnce() {
    java.io.StringWriter text = new java.io.StringWriter();
    UpCommand.printBanner(new java.io.PrintWriter(text), stack);

    assertThat(text.toString()).contains("http://127.0.0.1:" + stack.farmPort() + "/inspect");
    assertThat(text.toString().split(java.util.regex.Pattern.quote(stack.token()), -1)).hasSize(2);
    assertThat(stack.generatedToken()).isTrue();
  }

  @Test
  void inspector_throughUp_listsWhatCrawlersWereServed() throws Exception {
    assertThat(get("/about", GOOGLEBOT).statusCode()).isEqualTo(200);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.farmPort()
            + "/inspect/api/snapshots?q=%2Fabout")).header("X-Prerender-Token", stack.token()).build();

    HttpResponse<String> list = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("/about\"").contains("\"device\":\"mobile\"");
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.farmPort()
        + "/inspect")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as("the page asks for sign-in without the token").isEqualTo(303);
    HttpResponse<String> report = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.farmPort()
        + "/inspect/api/crawl-report")).header("X-Prerender-Token", stack.token()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).as("the gateway's recent traffic, crawler named").contains("\"crawler\":\"googlebot\"")
        .contains("\"path\":\"/about\"").containsPattern("\"cache\":\"(MISS|HIT)\",\"requests\":[1-9]");
  }

  @Test
  void metrics_ofTheFarmAndOfTheGateway_areBothReachable_andTellTheSameStory() throws Exception {
    assertThat(get("/doctors/18-marie-braun", GOOGLEBOT).statusCode()).isEqualTo(200);
    assertThat(get("/doctors/18-marie-braun", GOOGLEBOT).headers().firstValue("x-rendergate-cache")).hasValue("HIT");

    HttpResponse<String> farm = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.farmPort()
        + "/metrics")).header("X-Prerender-Token", stack.token()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(farm.statusCode()).isEqualTo(200);
    assertThat(farm.body()).contains("rendergate_requests_total{outcome=\"rendered\"}");
    String gatewayMetrics = "http://127.0.0.1:" + stack.gatewayMetricsPort() + "/metrics";
    // The second answer came from the farm's memory in process, no HTTP exchange: a local hit.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    String gateway = client.send(HttpRequest.newBuilder(URI.create(gatewayMetrics)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    while (!gateway.contains("answer=\"local-hit\"") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      gateway = client.send(HttpRequest.newBuilder(URI.create(gatewayMetrics)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
    assertThat(gateway).contains("rendergate_gateway_crawler_requests_total{answer=\"local-hit\",class=\"search\"}")
        .contains("rendergate_gateway_request_duration_seconds_count{route=\"prerender\",status=\"2xx\"}");

    java.io.StringWriter banner = new java.io.StringWriter();
    UpCommand.printBanner(new java.io.PrintWriter(banner), stack);
    assertThat(banner.toString()).contains("http://127.0.0.1:" + stack.farmPort() + "/metrics").contains(gatewayMetrics);
  }

  @Test
  void crawler_doctorPage_getsCompleteRenderedHtml() throws Exception {
    HttpResponse<String> response = get(DOCTOR_17, GOOGLEBOT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    Document page = Jsoup.parse(response.body());
    assertThat(page.body().text()).contains("Dr. Emma Schwarz");
    assertThat(page.title()).contains("Dr. Emma Schwarz");
    assertThat(page.selectFirst("meta[name=description]").attr("content")).isNotBlank();
    assertThat(page.selectFirst("link[rel=canonical]").attr("href")).endsWith(DOCTOR_17);
    assertThat(page.select("script[type=application/ld+json]").html()).contains("Physician");
    for (Element script : page.select("script")) {
      assertThat(script.attr("type")).as("only JSON-LD scripts are left").isEqualTo("application/ld+json");
    }
  }

  @Test
  void crawler_repeatedRequest_isTheCachedSnapshot_answeredLikeTheFirst() throws Exception {
    HttpResponse<String> first = get("/doctors/21-lea-schmidt", GOOGLEBOT);
    HttpResponse<String> again = get("/doctors/21-lea-schmidt", GOOGLEBOT);

    assertThat(again.statusCode()).isEqualTo(first.statusCode());
    assertThat(again.headers().firstValue("x-rendergate-cache")).hasValue("HIT");
    assertThat(again.body()).as("the same snapshot, render id included").isEqualTo(first.body());
    for (String header : new String[] {"content-type", "vary", "cache-control", "x-rendergate-engine"}) {
      assertThat(again.headers().firstValue(header)).as(header).isEqualTo(first.headers().firstValue(header));
    }
  }

  @Test
  void person_doctorPage_getsTheSpaShellUntouched() throws Exception {
    HttpResponse<String> response = get(DOCTOR_17, CHROME);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readString(SITE.resolve("index.html")));
  }

  @Test
  void person_sendingTheEdgesMarkerHeaders_stillGetsTheShell() throws Exception {
    HttpRequest request = request(DOCTOR_17, CHROME)
        .header("x-rendergate-bot", "googlebot")
        .header("x-rendergate-class", "search")
        .header("x-rendergate-device", "mobile")
        .header("x-rendergate-ua", GOOGLEBOT)
        .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readString(SITE.resolve("index.html")));
  }

  @Test
  void crawler_assets_getTheBytesNotARender() throws Exception {
    for (String asset : new String[] {"/app.js", "/style.css"}) {
      HttpResponse<byte[]> response =
          client.send(request(asset, GOOGLEBOT).build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(Files.readAllBytes(SITE.resolve(asset.substring(1))));
    }
  }

  @Test
  void crawler_unknownRoute_gets404WithRenderedNotFoundPage() throws Exception {
    HttpResponse<String> response = get("/no-such-page", GOOGLEBOT);

    assertThat(response.statusCode()).isEqualTo(404);
    Document page = Jsoup.parse(response.body());
    assertThat(page.body().text()).containsIgnoringCase("not found");
    assertThat(page.select("meta[name=prerender-status-code]")).isEmpty();
  }

  @Test
  void crawler_oldDoctorUrl_gets301ToTheNewOne() throws Exception {
    HttpResponse<String> response = get("/doctor/17", GOOGLEBOT);

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("location")).hasValueSatisfying(v -> assertThat(v).endsWith(DOCTOR_17));
  }

  private HttpResponse<String> get(String path, String userAgent) throws IOException, InterruptedException {
    return client.send(request(path, userAgent).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String userAgent) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + stack.gatewayPort() + path))
        .header("User-Agent", userAgent)
        .timeout(Duration.ofSeconds(30));
  }
}
