package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The farm and the gateway started exactly as the image starts them (the Dockerfile's ENTRYPOINT and a command,
 * on the jar the build made, configured by {@code RENDERGATE_*} variables as the ECS task and docker-compose.yml
 * do), with real traffic: the farm renders a real page twice; one gateway in front of it serves people and sends
 * crawlers to it, a second one in front of a farm that is down answers a crawler with the 503 fallback. Then what
 * the observability files in {@code infra/} name is checked against what those processes really export: the
 * Grafana dashboard's PromQL, the CloudWatch agent's metric selectors, the Loki pipeline's JSON fields, and the
 * compose Prometheus's scrape targets.
 */
class ImageCommandIT {

    private static final String TOKEN = "image-command-test-token-0123456789abcdef";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer site;
    private static ImageProcess farm;
    private static GatewayProcess gateway;
    private static GatewayProcess gatewayWithoutFarm;
    private static int farmPort;
    private static int farmMetricsPort;
    private static String farmMetrics;
    private static String gatewayMetrics;

    @BeforeAll
    static void startAsTheImageDoes() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!doctype html><html><head><title>Doctors</title><meta name=\"description\" content=\"x\">"
                + "</head><body><h1>Doctors</h1><p>A page rendered through the image's command.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();

        int[] ports = ImageProcess.freePorts(2);
        farmPort = ports[0];
        farmMetricsPort = ports[1];
        // What the ECS task sets (FarmService), with local values.
        farm = ImageProcess.start("farm", Map.of(
                "RENDERGATE_PORT", String.valueOf(farmPort),
                "RENDERGATE_METRICS_PORT", String.valueOf(farmMetricsPort),
                "RENDERGATE_TOKEN", TOKEN,
                "RENDERGATE_ALLOW_ORIGIN", origin,
                "RENDERGATE_RENDER_TIMEOUT", "10s",
                "RENDERGATE_LOG_FORMAT", "json",
                "RENDERGATE_ENGINE", "htmlunit",
                "RENDERGATE_PRIVATE_EXCEPTION", "127.0.0.1:" + site.getAddress().getPort()));
        // What docker-compose.yml sets for its gateway, on loopback; the public origin is the page's site.
        gateway = GatewayProcess.start("http://127.0.0.1:" + farmPort, origin, "shell");
        gatewayWithoutFarm = GatewayProcess.start("http://127.0.0.1:" + ImageProcess.freePort(), origin, "unavailable");

        farm.awaitOk(farmUrl("/ready"), Map.of("X-Prerender-Token", TOKEN));
        for (int i = 0; i < 2; i++) {
            assertThat(farmGet("/render?url=" + origin + "/doctors").statusCode()).as("render through the farm").isEqualTo(200);
        }
        gateway.awaitReady();
        gatewayWithoutFarm.awaitReady();
        assertThat(gateway.get("/index.html", FIREFOX).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/doctors", FIREFOX).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/doctors", GOOGLEBOT).body()).contains("A page rendered through the image's command");
        assertThat(gatewayWithoutFarm.get("/doctors", GOOGLEBOT).statusCode()).isEqualTo(503);

        // As the CloudWatch agent scrapes it (its loopback listener, no token) and as Prometheus does (the token).
        farmMetrics = ImageProcess.get("http://127.0.0.1:" + farmMetricsPort + "/metrics", Map.of()).body();
        assertThat(farmGet("/metrics").body()).contains("rendergate_queue_depth");
        assertThat(ImageProcess.get(farmUrl("/metrics"), Map.of()).statusCode()).as("the API port's metrics need the token")
                .isEqualTo(401);
        gatewayMetrics = gateway.metricsOnceCrawlersCounted() + gatewayWithoutFarm.metricsOnceCrawlersCounted();
    }

    @AfterAll
    static void stop() throws Exception {
        for (GatewayProcess process : new GatewayProcess[] {gatewayWithoutFarm, gateway}) {
            if (process != null) {
                process.process().stop();
            }
        }
        if (farm != null) {
            farm.stop();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void imageCommand_startsAFarmThatIsReady() throws Exception {
        assertThat(farmGet("/ready").statusCode()).isEqualTo(200);
        assertThat(dockerfileArray(Synthesized.repo(), "CMD")).containsExactly("farm");
    }

    @Test
    void everyPromQlExpressionOfTheDashboard_namesAMetricTheFarmOrTheGatewayExports() throws IOException {
        JsonNode dashboard = JSON.readTree(Synthesized.repo().resolve("infra/observability/grafana-dashboard.json").toFile());
        Set<String> exported = new LinkedHashSet<>(seriesOf(farmMetrics));
        exported.addAll(seriesOf(gatewayMetrics));
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);
        Set<String> named = new LinkedHashSet<>();
        for (String expr : expressions) {
            Set<String> names = metricNames(expr);
            assertThat(names).as("metrics in " + expr).isNotEmpty();
            assertThat(exported).as("exported series for " + expr).containsAll(names);
            named.addAll(names);
        }
        assertThat(named).as("the dashboard covers the farm and the gateway")
                .contains("rendergate_requests_total", "rendergate_render_seconds_bucket",
                        "rendergate_gateway_request_duration_seconds_bucket", "rendergate_gateway_request_duration_seconds_count",
                        "rendergate_gateway_crawler_requests_total", "rendergate_gateway_fallbacks_total",
                        "rendergate_gateway_upstream_errors_total");
    }

    @Test
    void gatewayMetrics_areServedOnTheMetricsPortOnly_notOnThePublicOne() {
        assertThat(seriesOf(gatewayMetrics)).contains("rendergate_gateway_open_connections");
        assertThat(gateway.get("/metrics", FIREFOX).body()).doesNotContain("rendergate_gateway_");
    }

    @Test
    void cloudWatchAgentSelectors_nameGaugesTheFarmExports() throws IOException {
        JsonNode agent = JSON.readTree(ImageCommandIT.class.getResourceAsStream("/cloudwatch-agent.json"));
        JsonNode declarations = agent.at("/logs/metrics_collected/prometheus/emf_processor/metric_declaration");
        Set<String> exported = seriesOf(farmMetrics);
        declarations.forEach(d -> d.get("metric_selectors").forEach(selector -> {
            String name = selector.asText().replace("^", "").replace("$", "");
            assertThat(exported).as("agent selector " + selector).contains(name);
        }));
        assertThat(exported).contains("rendergate_queue_depth");
    }

    @Test
    void composePrometheus_scrapesTheFarmAndTheGatewaysMetricsPort() throws IOException {
        Path repo = Synthesized.repo();
        String compose = Files.readString(repo.resolve("docker-compose.yml"));
        String prometheus = Files.readString(repo.resolve("infra/observability/prometheus.yml"));
        Matcher metricsPort = Pattern.compile("RENDERGATE_METRICS_PORT: \"(\\d+)\"").matcher(compose);
        assertThat(metricsPort.find()).as("the gateway's metrics port in docker-compose.yml").isTrue();
        assertThat(compose).contains("RENDERGATE_METRICS_BIND: 0.0.0.0").contains("./infra/observability/prometheus.yml:");
        assertThat(prometheus).contains("gateway:" + metricsPort.group(1)).contains("farm:3000")
                .contains("credentials_file:");
        assertThat(compose).as("the metrics port is not published on the host")
                .doesNotContain(":" + metricsPort.group(1) + ":" + metricsPort.group(1));
    }

    @Test
    void lokiPipelineFields_appearInTheFarmsJsonLogLines() throws IOException {
        String config = Files.readString(Synthesized.repo().resolve("infra/observability/config.alloy"));
        Matcher block = Pattern.compile("stage\\.json \\{\\s*expressions = \\{([^}]*)}", Pattern.DOTALL).matcher(config);
        assertThat(block.find()).as("a stage.json block").isTrue();
        Map<String, String> expressions = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]+)\"").matcher(block.group(1));
        while (pair.find()) {
            expressions.put(pair.group(1), pair.group(2));
        }
        assertThat(expressions).isNotEmpty();
        Set<String> fields = new LinkedHashSet<>();
        int jsonLines = 0;
        for (String line : Files.readAllLines(farm.log(), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                JSON.readTree(line).fieldNames().forEachRemaining(fields::add);
                jsonLines++;
            }
        }
        assertThat(jsonLines).as("JSON log lines from the farm").isGreaterThanOrEqualTo(3);
        assertThat(fields).as("fields of the farm's JSON lines").containsAll(expressions.values());
        Matcher labels = Pattern.compile("stage\\.labels \\{\\s*values = \\{([^}]*)}", Pattern.DOTALL).matcher(config);
        assertThat(labels.find()).isTrue();
        Matcher label = Pattern.compile("(\\w+)\\s*=").matcher(labels.group(1));
        while (label.find()) {
            assertThat(expressions).as("a label is extracted first").containsKey(label.group(1));
        }
    }

    /** Metric names in a PromQL expression: identifiers of ours, outside label matchers and strings. */
    static Set<String> metricNames(String expr) {
        String withoutLabels = expr.replaceAll("\\{[^}]*}", "").replaceAll("\"[^\"]*\"", "");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\brendergate_[a-z0-9_]+").matcher(withoutLabels);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** The series names of a Prometheus text exposition. */
    static Set<String> seriesOf(String metrics) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : metrics.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** A JSON-array instruction of the Dockerfile's last stage, e.g. {@code ENTRYPOINT ["java", ...]}. */
    static List<String> dockerfileArray(Path repo, String instruction) throws IOException {
        List<String> found = null;
        for (String line : Files.readAllLines(repo.resolve("Dockerfile"))) {
            if (line.startsWith(instruction + " ")) {
                List<String> parts = new ArrayList<>();
                JSON.readTree(line.substring(instruction.length() + 1)).forEach(n -> parts.add(n.asText()));
                found = parts;
            }
        }
        assertThat(found).as(instruction + " in exec form").isNotNull();
        return found;
    }

    /** The Dockerfile's ENV defaults ({@code ENV A=1 \ B=2}). */
    static Map<String, String> dockerfileEnv(Path repo) throws IOException {
        String text = Files.readString(repo.resolve("Dockerfile")).replace("\\\n", " ");
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("ENV ")) {
                for (String pair : line.substring(4).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return env;
    }

    private static String farmUrl(String path) {
        return "http://127.0.0.1:" + farmPort + path;
    }

    private static java.net.http.HttpResponse<String> farmGet(String path) {
        return ImageProcess.get(farmUrl(path), Map.of("X-Prerender-Token", TOKEN));
    }

    /** A gateway started by the image's command with docker-compose.yml's variables, and its two ports. */
    private record GatewayProcess(ImageProcess process, int port, int metricsPort) {

        static GatewayProcess start(String farm, String publicOrigin, String fallback) throws IOException {
            int[] ports = ImageProcess.freePorts(2);
            int port = ports[0];
            int metricsPort = ports[1];
            Map<String, String> env = new LinkedHashMap<>();
            env.put("RENDERGATE_PORT", String.valueOf(port));
            env.put("RENDERGATE_BIND", "127.0.0.1");
            env.put("RENDERGATE_FARM", farm);
            env.put("RENDERGATE_FARM_TOKEN", TOKEN);
            env.put("RENDERGATE_PUBLIC_ORIGIN", publicOrigin);
            env.put("RENDERGATE_FALLBACK", fallback);
            env.put("RENDERGATE_METRICS_PORT", String.valueOf(metricsPort));
            env.put("RENDERGATE_METRICS_BIND", "127.0.0.1");
            return new GatewayProcess(ImageProcess.start("gateway", env), port, metricsPort);
        }

        void awaitReady() throws IOException, InterruptedException {
            process.awaitOk("http://127.0.0.1:" + port + "/healthz", Map.of());
            process.awaitOk(metricsUrl(), Map.of());
        }

        java.net.http.HttpResponse<String> get(String path, String userAgent) {
            return ImageProcess.get("http://127.0.0.1:" + port + path, Map.of("User-Agent", userAgent));
        }

        /**
         * The metrics once the crawler request is counted (a request is counted when its last write completes, a
         * moment after the client may have read it); 5 s at most.
         */
        String metricsOnceCrawlersCounted() {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String text = ImageProcess.get(metricsUrl(), Map.of()).body();
            while (countOf(text, "rendergate_gateway_crawler_requests_total") < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                text = ImageProcess.get(metricsUrl(), Map.of()).body();
            }
            return text;
        }

        private String metricsUrl() {
            return "http://127.0.0.1:" + metricsPort + "/metrics";
        }

        private static double countOf(String metrics, String name) {
            double sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }
    }
}
