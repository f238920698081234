package dev.rendergate.edge.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The CloudFront event fixtures under {@code src/test/resources/events/}, each with its expected output. */
final class EventFixtures {

    static final String EVENT_SUFFIX = ".event.json";
    static final String EXPECTED_SUFFIX = ".expected.json";

    private EventFixtures() {
    }

    /** The fixture folder on the test classpath. */
    static Path folder() {
        URL settings = EventFixtures.class.getClassLoader().getResource("events/settings.properties");
        if (settings == null) {
            throw new IllegalStateException("events/settings.properties is not on the test classpath");
        }
        try {
            return Path.of(settings.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture names (file name without {@code .event.json}), sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(EVENT_SUFFIX))
                    .map(name -> name.substring(0, name.length() - EVENT_SUFFIX.length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings every fixture is run under, as {@code key=value} lines. */
    static String settings() {
        return read("settings.properties");
    }

    static String event(String name) {
        return read(name + EVENT_SUFFIX);
    }

    static Path expectedPath(String name) {
        return folder().resolve(name + EXPECTED_SUFFIX);
    }

    static String read(String file) {
        try {
            return Files.readString(folder().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
