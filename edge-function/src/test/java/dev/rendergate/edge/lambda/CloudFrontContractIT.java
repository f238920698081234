package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.CloudFrontFarm;
import dev.rendergate.edge.request.EdgeConfig;
import dev.rendergate.edge.request.EdgeOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda@Edge package, run by node, obeys CloudFront's documented contract: AWS's own example events
 * (see {@code src/test/resources/aws-examples/}) go through the viewer-request trigger, the result becomes
 * an origin-request event the way CloudFront builds one (the forwarded marker headers, CloudFront's own
 * headers, the behaviour's S3 or custom origin with the deployment's custom headers), and that goes
 * through the origin-request trigger. Every result is held to the rules in {@link CloudFrontRules}, which
 * names the documentation page of each, and must also be what the JVM handler returns.
 *
 * <p>This runs under the bundled settings and under each setting changed on its own, with and without the
 * origin custom headers a deployment uses to pass the farm and its token ({@code x-rendergate-farm},
 * {@code X-Prerender-Token}).
 */
class CloudFrontContractIT {

    private static final String GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 "
            + "(compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** The marker headers the cache policy and origin request policy forward to the origin. */
    private static final List<String> FORWARDED = List.of("x-rendergate-bot", "x-rendergate-class",
            "x-rendergate-device", "x-rendergate-ua", "x-rendergate-host");

    /** null: index.handler under the bundled settings; otherwise key=value lines, one setting changed. */
    private static final List<String> SETTINGS = java.util.Arrays.asList(null,
            "farmDomain=farm.example.net\nfarmPort=8443",
            "farmProtocol=http\nfarmPort=80",
            "farmReadTimeoutSeconds=4",
            "farmReadTimeoutSeconds=60",
            "farmToken=gateway-side-token",
            "prerenderClasses=search,social,ai,tool",
            "prerenderClasses=none",
            "extraAssetExtensions=glb",
            "skipPathPrefixes=/api/",
            "spaShell=/app.html");

    /** The deployment's custom headers on the behaviour's origin, as the CDK app sets them. */
    private static final List<Map<String, String>> ORIGIN_HEADERS = List.of(
            Map.of(),
            Map.of("X-Rendergate-Farm", "https://farm.example.net", "X-Prerender-Token", "from-secrets-manager"),
            Map.of("X-Rendergate-Farm", "http://rendergate-farm-123.us-east-1.elb.amazonaws.com:8080"),
            Map.of("X-Prerender-Token", "from-secrets-manager"));

    @TempDir
    static Path bundleDir;
    private static NodeBundle bundle;

    @BeforeAll
    static void unzip() throws IOException {
        bundle = NodeBundle.unzip(bundleDir);
    }

    @Test
    void awsExampleOriginRequests_passUnchangedAndObeyTheRules() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String settings : SETTINGS) {
            for (String example : List.of("origin-request-custom.json", "origin-request-s3.json")) {
                cases.add(new Case(example + " under " + label(settings), settings, awsExample(example)));
            }
        }
        List<Map<?, ?>> results = runOnNode(cases);

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertObeysRules(c, "origin-request", results.get(i));
            assertThat(results.get(i)).as(c.name + ": an unmarked request is left as it came").isEqualTo(c.request());
        }
    }

    @Test
    void chainedFromAwsExampleViewerRequests_obeyTheRules_andCrawlersReachTheFarm() throws Exception {
        List<Case> viewerCases = new ArrayList<>();
        for (String settings : SETTINGS) {
            for (Map<?, ?> viewerEvent : viewerEvents()) {
                viewerCases.add(new Case("viewer " + userAgent(viewerEvent) + " " + uri(viewerEvent) + " under "
                        + label(settings), settings, viewerEvent));
            }
        }
        List<Map<?, ?>> viewed = runOnNode(viewerCases);

        List<Case> originCases = new ArrayList<>();
        for (int i = 0; i < viewerCases.size(); i++) {
            Case viewer = viewerCases.get(i);
            assertObeysRules(viewer, "viewer-request", viewed.get(i));
            for (String example : List.of("origin-request-custom.json", "origin-request-s3.json")) {
                for (Map<String, String> originHeaders : ORIGIN_HEADERS) {
                    originCases.add(new Case(viewer.name + " -> " + example + " with origin headers "
                            + originHeaders.keySet(), viewer.settings,
                            originEvent(example, viewed.get(i), originHeaders)));
                }
            }
        }
        List<Map<?, ?>> routed = runOnNode(originCases);

        int toFarm = 0;
        for (int i = 0; i < originCases.size(); i++) {
            Case c = originCases.get(i);
            Map<?, ?> result = routed.get(i);
            assertObeysRules(c, "origin-request", result);
            if (c.request().get("headers") instanceof Map && ((Map<?, ?>) c.request().get("headers"))
                    .containsKey("x-rendergate-bot")) {
                assertReachesTheFarm(c, result);
                toFarm++;
            } else {
                assertThat(result).as(c.name + ": a person's request is left as it came").isEqualTo(c.request());
            }
        }
        assertThat(toFarm).as("chains that sent a crawler to the farm").isGreaterThan(originCases.size() / 4);
    }

    /** The farm the settings and origin headers name, with the token only as the farm origin's custom header. */
    private static void assertReachesTheFarm(Case c, Map<?, ?> result) {
        Map<String, String> originHeaders = originHeadersOf(c.request());
        EdgeConfig config = c.settings == null ? EdgeBuildConfig.edgeConfig() : EdgeConfig.from(SettingsText.parse(c.settings));
        String token = originHeaders.getOrDefault("x-prerender-token", config.farmToken());
        String farmUrl = originHeaders.get(CloudFrontFarm.FARM_HEADER);
        EdgeOrigin farm = farmUrl == null
                ? new EdgeOrigin(config.farmDomain(), config.farmPort(), config.farmProtocol(), "", 0, Map.of())
                : CloudFrontFarm.fromUrl(farmUrl, token, config.farmReadTimeoutSeconds());
        Map<?, ?> custom = (Map<?, ?>) ((Map<?, ?>) result.get("origin")).get("custom");
        assertThat(custom).as(c.name + ": routed to a custom origin").isNotNull();
        assertThat(custom.get("domainName")).as(c.name).isEqualTo(farm.domainName());
        assertThat(custom.get("port")).as(c.name).isEqualTo(JsonNumber.of(farm.port()));
        assertThat(custom.get("protocol")).as(c.name).isEqualTo(farm.protocol());
        assertThat(custom.get("readTimeout")).as(c.name).isEqualTo(JsonNumber.of(config.farmReadTimeoutSeconds()));
        Map<?, ?> customHeaders = (Map<?, ?>) custom.get("customHeaders");
        if (token.isEmpty()) {
            assertThat(customHeaders).as(c.name).isEmpty();
        } else {
            assertThat(List.copyOf(customHeaders.keySet())).as(c.name).isEqualTo(List.of("x-prerender-token"));
            assertThat(((Map<?, ?>) ((List<?>) customHeaders.get("x-prerender-token")).get(0)).get("value"))
                    .as(c.name).isEqualTo(token);
        }
        Map<?, ?> headers = (Map<?, ?>) result.get("headers");
        assertThat(headers.containsKey("x-prerender-token") || headers.containsKey(CloudFrontFarm.FARM_HEADER))
                .as(c.name + ": neither the token nor the farm header in the request headers").isFalse();
        assertThat((String) result.get("uri")).as(c.name).startsWith("/https://d111111abcdef8.cloudfront.net/");
    }

    private static void assertObeysRules(Case c, String eventType, Map<?, ?> result) {
        assertThat(CloudFrontRules.violations(eventType, c.request(), result)).as(c.name).isEmpty();
        assertThat(JsonWriter.write(result)).as(c.name + ": node and the JVM handler agree").isEqualTo(jvm(c));
    }

    private static String jvm(Case c) {
        EdgeConfig config = c.settings == null ? EdgeBuildConfig.edgeConfig() : EdgeConfig.from(SettingsText.parse(c.settings));
        return EdgeTriggers.of(config, CrawlerClassifier.standard()).handle(JsonWriter.write(c.event));
    }

    /**
     * AWS's example viewer request, and the same with a crawler's and a person's User-Agent, a deep link
     * and a query string, since the example's curl is not prerendered by default.
     */
    private static List<Map<?, ?>> viewerEvents() {
        List<Map<?, ?>> events = new ArrayList<>();
        events.add(awsExample("viewer-request.json"));
        events.add(withViewer(GOOGLEBOT, "/doctors/17-jane-doe", ""));
        events.add(withViewer(GOOGLEBOT, "/search", "q=cardiology&page=2"));
        events.add(withViewer(CHROME, "/doctors/17-jane-doe", ""));
        events.add(withViewer(GOOGLEBOT, "/assets/app.glb", ""));
        events.add(withViewer(GOOGLEBOT, "/api/doctors", ""));
        return events;
    }

    private static Map<?, ?> withViewer(String userAgent, String uri, String query) {
        JsonObject event = awsExample("viewer-request.json");
        JsonObject request = requestOf(event);
        request.put("uri", uri);
        request.put("querystring", query);
        JsonObject header = (JsonObject) ((List<?>) ((JsonObject) request.get("headers")).get("user-agent")).get(0);
        header.put("value", userAgent);
        return event;
    }

    /**
     * The origin-request event CloudFront makes from a viewer-request result: AWS's example origin request
     * with the result's method, URI and query, the forwarded marker headers, and the deployment's custom
     * headers on the behaviour's origin.
     */
    private static Map<?, ?> originEvent(String example, Map<?, ?> viewed, Map<String, String> originHeaders) {
        JsonObject event = awsExample(example);
        JsonObject request = requestOf(event);
        request.put("method", viewed.get("method"));
        request.put("uri", viewed.get("uri"));
        request.put("querystring", viewed.get("querystring"));
        JsonObject headers = (JsonObject) request.get("headers");
        Map<?, ?> viewedHeaders = (Map<?, ?>) viewed.get("headers");
        for (String name : FORWARDED) {
            if (viewedHeaders.containsKey(name)) {
                headers.put(name, viewedHeaders.get(name));
            }
        }
        JsonObject origin = (JsonObject) request.get("origin");
        JsonObject chosen = (JsonObject) (origin.get("custom") != null ? origin.get("custom") : origin.get("s3"));
        JsonObject customHeaders = (JsonObject) chosen.get("customHeaders");
        originHeaders.forEach((key, value) -> {
            JsonObject item = new JsonObject();
            item.put("key", key);
            item.put("value", value);
            customHeaders.put(key.toLowerCase(java.util.Locale.ROOT), List.of(item));
        });
        return event;
    }

    private static Map<String, String> originHeadersOf(Map<?, ?> request) {
        Map<?, ?> origin = (Map<?, ?>) request.get("origin");
        Map<?, ?> chosen = (Map<?, ?>) (origin.get("custom") != null ? origin.get("custom") : origin.get("s3"));
        Map<String, String> values = new LinkedHashMap<>();
        ((Map<?, ?>) chosen.get("customHeaders")).forEach((name, items) -> values.put((String) name,
                (String) ((Map<?, ?>) ((List<?>) items).get(0)).get("value")));
        return values;
    }

    private static List<Map<?, ?>> runOnNode(List<Case> cases) throws IOException, InterruptedException {
        List<Object> input = new ArrayList<>();
        for (Case c : cases) {
            JsonObject item = new JsonObject();
            item.put("settings", c.settings);
            item.put("event", c.event);
            input.add(item);
        }
        List<?> output = (List<?>) JsonReader.parse(bundle.run("contract-runner.js", JsonWriter.write(input)));
        assertThat(output).hasSize(cases.size());
        List<Map<?, ?>> results = new ArrayList<>();
        output.forEach(result -> results.add((Map<?, ?>) result));
        return results;
    }

    private static JsonObject awsExample(String name) {
        try (InputStream in = CloudFrontContractIT.class.getResourceAsStream("/aws-examples/" + name)) {
            return (JsonObject) JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject requestOf(Map<?, ?> event) {
        return (JsonObject) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) event.get("Records")).get(0)).get("cf")).get("request");
    }

    private static String userAgent(Map<?, ?> event) {
        Map<?, ?> headers = (Map<?, ?>) requestOf(event).get("headers");
        String ua = (String) ((Map<?, ?>) ((List<?>) headers.get("user-agent")).get(0)).get("value");
        return ua.contains("Googlebot") ? "Googlebot" : ua.contains("Chrome") ? "Chrome" : ua;
    }

    private static String uri(Map<?, ?> event) {
        return (String) requestOf(event).get("uri");
    }

    private static String label(String settings) {
        return settings == null ? "the bundled settings" : settings.replace('\n', ' ');
    }

    /** One event under one configuration. */
    private record Case(String name, String settings, Map<?, ?> event) {
        Map<?, ?> request() {
            return requestOf(event);
        }
    }
}
