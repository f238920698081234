package dev.rendergate.edge.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The build's {@code target/lambda-edge.zip}, unzipped into a folder, and {@code node} running a test
 * script from the classpath beside it. Needs Node.js 18+ on the PATH or {@code -Drendergate.node}.
 */
final class NodeBundle {

    private static final long NODE_TIMEOUT_SECONDS = 120;

    private final Path zip;
    private final Path dir;

    private NodeBundle(Path zip, Path dir) {
        this.zip = zip;
        this.dir = dir;
    }

    /** Unzips the package named by {@code rendergate.lambdaEdgeZip} (set by the build) into {@code dir}. */
    static NodeBundle unzip(Path dir) throws IOException {
        Path zip = Path.of(System.getProperty("rendergate.lambdaEdgeZip", "target/lambda-edge.zip"));
        assertThat(zip).as("the build's Lambda@Edge package (run mvn package first)").exists();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path file = dir.resolve(entry.getName()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        return new NodeBundle(zip, dir);
    }

    Path zip() {
        return zip;
    }

    Path dir() {
        return dir;
    }

    /**
     * Copies a script from the test classpath's {@code node/} folder next to the bundle and runs it with
     * node, the bundle folder as first argument.
     *
     * @param script    e.g. {@code conformance-runner.js}
     * @param stdin     text for the script's standard input
     * @param arguments further arguments
     * @return what the script printed on standard output, without the bundle's log lines; the test fails
     *         when it exits non-zero
     */
    String run(String script, String stdin, String... arguments) throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        if (!Files.exists(file)) {
            try (InputStream in = NodeBundle.class.getResourceAsStream("/node/" + script)) {
                Files.copy(in, file);
            }
        }
        List<String> command = new ArrayList<>(List.of(System.getProperty("rendergate.node", "node"), file.toString(),
                dir.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            fail("Cannot start '" + command.get(0) + "' (" + e.getMessage() + "). The Lambda@Edge tests need "
                    + "Node.js 18 or newer on the PATH, or -Drendergate.node=/path/to/node.");
            throw e;
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(process.getErrorStream(), stderr));
        errReader.start();
        Thread inWriter = new Thread(() -> write(process.getOutputStream(), stdin));
        inWriter.start();
        copy(process.getInputStream(), stdout);
        if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node did not finish within " + NODE_TIMEOUT_SECONDS + " s");
        }
        errReader.join(TimeUnit.SECONDS.toMillis(5));
        inWriter.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(process.exitValue()).as("node exit code; stderr: " + stderr.toString(StandardCharsets.UTF_8))
                .isZero();
        return withoutLogLines(stdout.toString(StandardCharsets.UTF_8));
    }

    /**
     * The bundle's own structured log lines ({@code event=...}, e.g. crawler verification in log mode) share
     * node's standard output with what the script prints; the scripts print JSON.
     */
    private static String withoutLogLines(String output) {
        StringJoiner kept = new StringJoiner("\n");
        for (String line : output.split("\n", -1)) {
            if (!line.startsWith("event=")) {
                kept.add(line);
            }
        }
        return kept.toString();
    }

    private static void write(OutputStream out, String text) {
        try (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // node exited without reading all of it; its exit code tells the test
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
