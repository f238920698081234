package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler verification in the Lambda@Edge build: a Googlebot viewer-request event goes through node on
 * the unzipped {@code target/lambda-edge.zip}, with CloudFront's {@code clientIp} inside and outside
 * Google's published ranges, in each mode; the JVM handler must decide the same.
 */
class CrawlerVerificationNodeIT {

    private static final String FIXTURE = "viewer-googlebot-smartphone-deep-link";
    private static final String FIXTURE_IP = "\"clientIp\": \"203.0.113.178\"";
    private static final String[][] CASES = {
        {"enforce", "203.0.113.9"},
        {"log", "203.0.113.9"},
        {"off", "203.0.113.9"},
        {"enforce", "66.249.66.1"},
        {"enforce", "2001:4860:4801:10::1"},
        {"enforce", "2001:db8::1"},
    };

    @TempDir
    static Path bundleDir;

    private static final List<Map<?, ?>> NODE = new ArrayList<>();

    @BeforeAll
    static void runCasesThroughNode() throws Exception {
        StringBuilder input = new StringBuilder("[");
        for (String[] c : CASES) {
            input.append(input.length() > 1 ? "," : "").append("{\"settings\":\"")
                    .append(settings(c[0]).replace("\n", "\\n")).append("\",\"event\":").append(event(c[1])).append('}');
        }
        String output = NodeBundle.unzip(bundleDir).run("verification-runner.js", input.append(']').toString());
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                NODE.add((Map<?, ?>) JsonReader.parse(line));
            }
        }
        assertThat(NODE).hasSize(CASES.length);
    }

    @Test
    void enforce_googlebotFromOutsideGoogle_isServedAsAPersonAndLogged() {
        Map<?, ?> result = NODE.get(0);
        assertThat(result.get("uri")).isEqualTo("/index.html");
        assertThat(headers(result)).doesNotContainKey("x-rendergate-bot");
        assertThat(printed(result)).containsExactly(
                "event=crawler-unverified crawler=googlebot client=203.0.113.9 mode=enforce served=person");
    }

    @Test
    void log_googlebotFromOutsideGoogle_isACrawlerAndLogged() {
        Map<?, ?> result = NODE.get(1);
        assertThat(headers(result)).containsEntry("x-rendergate-bot", "googlebot");
        assertThat(printed(result)).containsExactly(
                "event=crawler-unverified crawler=googlebot client=203.0.113.9 mode=log served=crawler");
    }

    @Test
    void off_googlebotFromOutsideGoogle_isACrawlerWithoutALogLine() {
        Map<?, ?> result = NODE.get(2);
        assertThat(headers(result)).containsEntry("x-rendergate-bot", "googlebot");
        assertThat(printed(result)).isEmpty();
    }

    @Test
    void enforce_googlebotFromGooglesIpv4AndIpv6Ranges_isACrawler() {
        for (int i : new int[] {3, 4}) {
            assertThat(headers(NODE.get(i))).as(CASES[i][1]).containsEntry("x-rendergate-bot", "googlebot");
            assertThat(NODE.get(i).get("uri")).isEqualTo("/doctors/17-jane-doe");
            assertThat(printed(NODE.get(i))).isEmpty();
        }
        assertThat(headers(NODE.get(5))).doesNotContainKey("x-rendergate-bot");
    }

    @Test
    void jvmHandler_decidesEveryCaseAsNodeDoes() {
        for (int i = 0; i < CASES.length; i++) {
            EdgeTriggers jvm = EdgeTriggers.of(EdgeConfig.from(SettingsText.parse(settings(CASES[i][0]))),
                    CrawlerClassifier.standard());
            Map<?, ?> request = (Map<?, ?>) JsonReader.parse(jvm.handle(event(CASES[i][1])));
            assertThat(request.get("uri")).as(CASES[i][0] + " " + CASES[i][1]).isEqualTo(NODE.get(i).get("uri"));
            assertThat(headers(request).keySet()).as(CASES[i][0] + " " + CASES[i][1])
                    .containsExactlyInAnyOrderElementsOf(headers(NODE.get(i)).keySet());
        }
    }

    private static String settings(String mode) {
        return EventFixtures.settings().trim() + "\ncrawlerVerification=" + mode + "\n";
    }

    private static String event(String clientIp) {
        String event = EventFixtures.event(FIXTURE);
        assertThat(event).contains(FIXTURE_IP);
        return event.replace(FIXTURE_IP, "\"clientIp\": \"" + clientIp + "\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Map<?, ?> result) {
        return (Map<String, Object>) result.get("headers");
    }

    @SuppressWarnings("unchecked")
    private static List<String> printed(Map<?, ?> result) {
        return (List<String>) result.get("printed");
    }
}
