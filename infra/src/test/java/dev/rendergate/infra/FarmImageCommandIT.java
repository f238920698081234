package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The farm started exactly as the image starts it (the Dockerfile's ENTRYPOINT and CMD, on the jar the
 * build made, configured by the same {@code RENDERGATE_*} variables as the ECS task), rendering a real page
 * twice; then what the observability files in {@code infra/} name is checked against what that farm really
 * exports: the Grafana dashboard's PromQL, the CloudWatch agent's metric selectors, and the Loki pipeline's
 * JSON fields.
 */
class FarmImageCommandIT {

    private static final String TOKEN = "image-command-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpServer site;
    private static Process farm;
    private static Path farmLog;
    private static int port;
    private static String metrics;

    @BeforeAll
    static void startFarmAsTheImageDoes() throws Exception {
        Path repo = Synthesized.repo();
        Path jar = repo.resolve("cli/target/rendergate.jar");
        assertThat(jar).as("the build's executable jar (the image copies the same one)").exists();
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

        List<String> command = new ArrayList<>(dockerfileArray(repo, "ENTRYPOINT"));
        command.replaceAll(part -> part.equals("/opt/rendergate/rendergate.jar") ? jar.toString() : part);
        command.addAll(dockerfileArray(repo, "CMD"));
        port = freePort();
        farmLog = Files.createTempFile("farm-image-command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(farmLog.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("RENDERGATE_"));
        env.putAll(dockerfileEnv(repo));
        // What the ECS task sets (FarmService), with local values.
        env.put("RENDERGATE_PORT", String.valueOf(port));
        env.put("RENDERGATE_TOKEN", TOKEN);
        env.put("RENDERGATE_ALLOW_ORIGIN", origin);
        env.put("RENDERGATE_RENDER_TIMEOUT", "10s");
        env.put("RENDERGATE_LOG_FORMAT", "json");
        env.put("RENDERGATE_ENGINE", "htmlunit");
        env.put("RENDERGATE_PRIVATE_EXCEPTION", "127.0.0.1:" + site.getAddress().getPort());
        farm = builder.start();

        awaitReady();
        for (int i = 0; i < 2; i++) {
            assertThat(get("/render?url=" + origin + "/doctors").statusCode()).as("render through the farm").isEqualTo(200);
        }
        metrics = get("/metrics").body();
    }

    @AfterAll
    static void stop() throws Exception {
        if (farm != null) {
            farm.destroy();
            if (!farm.waitFor(10, TimeUnit.SECONDS)) {
                farm.destroyForcibly();
            }
        }
        if (site != null) {
            site.stop(0);
        }
        if (farmLog != null) {
            Files.deleteIfExists(farmLog);
        }
    }

    @Test
    void imageCommand_startsAFarmThatIsReady() throws Exception {
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        assertThat(dockerfileArray(Synthesized.repo(), "CMD")).containsExactly("farm");
    }

    @Test
    void everyPromQlExpressionOfTheDashboard_namesAMetricTheFarmExports() throws IOException {
        JsonNode dashboard = JSON.readTree(Synthesized.repo().resolve("infra/observability/grafana-dashboard.json").toFile());
        Set<String> exported = exportedSeries();
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);
        for (String expr : expressions) {
            Set<String> names = metricNames(expr);
            assertThat(names).as("metrics in " + expr).isNotEmpty();
            assertThat(exported).as("exported series for " + expr).containsAll(names);
        }
    }

    @Test
    void cloudWatchAgentSelectors_nameGaugesTheFarmExports() throws IOException {
        JsonNode agent = JSON.readTree(FarmImageCommandIT.class.getResourceAsStream("/cloudwatch-agent.json"));
        JsonNode declarations = agent.at("/logs/metrics_collected/prometheus/emf_processor/metric_declaration");
        Set<String> exported = exportedSeries();
        declarations.forEach(d -> d.get("metric_selectors").forEach(selector -> {
            String name = selector.asText().replace("^", "").replace("$", "");
            assertThat(exported).as("agent selector " + selector).contains(name);
        }));
        assertThat(exported).contains("rendergate_queue_depth");
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
        for (String line : Files.readAllLines(farmLog, StandardCharsets.UTF_8)) {
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

    private static Set<String> exportedSeries() {
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
    private static Map<String, String> dockerfileEnv(Path repo) throws IOException {
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

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(farm.isAlive()).as("the farm process; its output: " + Files.readString(farmLog)).isTrue();
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                if (get("/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            farm.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the farm was not ready within 60 s: " + Files.readString(farmLog));
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Prerender-Token", TOKEN).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
