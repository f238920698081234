package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda@Edge artifact behaves exactly like the JVM handlers: every fixture goes through the JVM
 * and through {@code node} on the unzipped {@code target/lambda-edge.zip}, and the JSON outputs must be
 * byte-identical, under the fixtures' test settings and under the settings bundled by the build. Node's
 * handler returns a request object; the runner writes it in the JVM's canonical JSON form (sorted keys,
 * ASCII escapes) before the comparison.
 */
class LambdaEdgeConformanceIT {

    private static final long HARD_LIMIT_BYTES = 1024 * 1024;

    @TempDir
    static Path bundleDir;

    private static Path zip;
    private static final Map<String, Map<?, ?>> NODE_RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void runFixturesThroughNode() throws Exception {
        NodeBundle bundle = NodeBundle.unzip(bundleDir);
        zip = bundle.zip();
        String output = bundle.run("conformance-runner.js", "", EventFixtures.folder().toString());
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                Map<?, ?> result = (Map<?, ?>) JsonReader.parse(line);
                NODE_RESULTS.put((String) result.get("name"), result);
            }
        }
    }

    @Test
    void zip_holdsIndexAndBundle_wellUnderTheLambdaEdgeLimit() throws IOException {
        long size = Files.size(zip);
        System.out.printf("lambda-edge.zip: %d bytes; rendergate-edge.js: %d bytes%n",
                size, Files.size(bundleDir.resolve("rendergate-edge.js")));
        assertThat(size).isLessThanOrEqualTo(HARD_LIMIT_BYTES);
        assertThat(bundleDir.resolve("index.js")).exists();
    }

    @Test
    void node_ranEveryFixture() {
        assertThat(NODE_RESULTS.keySet()).containsExactlyElementsOf(EventFixtures.names());
    }

    @TestFactory
    List<DynamicTest> jvmAndNode_giveByteIdenticalOutput() {
        EdgeTriggers underTestSettings = EdgeTriggers.of(
                EdgeConfig.from(SettingsText.parse(EventFixtures.settings())), CrawlerClassifier.standard());
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EventFixtures.names()) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String event = EventFixtures.event(name);
                Map<?, ?> node = NODE_RESULTS.get(name);
                assertThat(node).as("node result for " + name).isNotNull();
                assertThat(node.get("settings")).as("test settings").isEqualTo(underTestSettings.handle(event));
                assertThat(node.get("bundled")).as("bundled settings").isEqualTo(jvmHandler(name, event));
                assertThat(node.get("inputUntouched")).as("index.js handler leaves the event it was given as it was")
                        .isEqualTo(Boolean.TRUE);
            }));
        }
        return tests;
    }

    /** The real Lambda stream handlers, chosen like the JS entry chooses, by the fixture's trigger. */
    private static String jvmHandler(String name, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayInputStream in = new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8));
        if (name.startsWith("origin-")) {
            new OriginRequestHandler().handleRequest(in, out, null);
        } else {
            new ViewerRequestHandler().handleRequest(in, out, null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
