package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.edge.detect.CrawlerClassifier;
import dev.rendergate.edge.request.EdgeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CloudFront event fixture through the JVM handler core, compared with its expected request.
 *
 * <p>Expected files may be formatted freely; both sides are compared in the writer's canonical form.
 * A fixture without an expected file fails and leaves the actual output under
 * {@code target/golden-actual/} for review.
 */
class CloudFrontEventGoldenTest {

    private static final EdgeTriggers TRIGGERS = EdgeTriggers.of(
            EdgeConfig.from(SettingsText.parse(EventFixtures.settings())), CrawlerClassifier.standard());

    static List<String> fixtures() {
        return EventFixtures.names();
    }

    @Test
    void fixtures_coverBothTriggers() {
        assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(30)
                .anyMatch(name -> name.startsWith("viewer-"))
                .anyMatch(name -> name.startsWith("origin-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void handle_fixture_givesExpectedRequest(String name) throws IOException {
        String actual = TRIGGERS.handle(EventFixtures.event(name));

        Path expected = EventFixtures.expectedPath(name);
        if (!Files.exists(expected)) {
            Path out = Path.of("target", "golden-actual", name + EventFixtures.EXPECTED_SUFFIX);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertThat(expected).as("expected output for " + name).exists();
        String canonicalExpected = JsonWriter.write(JsonReader.parse(Files.readString(expected, StandardCharsets.UTF_8)));
        assertThat(actual).isEqualTo(canonicalExpected);
    }
}
