package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the image files are checked by linters that do: the Dockerfile by
 * {@code dockerfile-utils lint} (the rules of the Dockerfile language server) and {@code docker-compose.yml}
 * by {@code dclint}. Both come from the npm registry; {@code .ci/run} installs them.
 */
class ContainerFilesLintIT {

    private static final String INSTALL = "npm install -g dockerfile-utils@0.16.3 dclint@3.1.0";

    @Test
    void dockerfile_hasNoLintFindings() throws Exception {
        Result result = run(List.of("dockerfile-utils", "lint", "Dockerfile"));

        assertThat(result.exitCode).isZero();
        assertThat(result.output).as("dockerfile-utils lint Dockerfile").isBlank();
    }

    @Test
    void compose_hasNoLintFindings() throws Exception {
        Result result = run(List.of("dclint", "docker-compose.yml"));

        assertThat(result.exitCode).as("dclint docker-compose.yml: " + result.output).isZero();
    }

    @Test
    void dockerfile_isMultiStage_andRunsAsANonRootUserWithDebiansChromium() throws IOException {
        String dockerfile = java.nio.file.Files.readString(Synthesized.repo().resolve("Dockerfile"));

        assertThat(dockerfile).contains("FROM maven:").contains(" AS build").contains("FROM debian:bookworm-slim")
                .contains("COPY --from=build").contains(" chromium=").contains("openjdk-17-jre-headless")
                .contains("USER rendergate").doesNotContain("USER root");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(Synthesized.repo().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("Cannot run " + command.get(0) + " (" + e.getMessage() + "); install it with: " + INSTALL);
            throw e;
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
