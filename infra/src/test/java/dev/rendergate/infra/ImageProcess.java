package dev.rendergate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process started as the image starts it: the Dockerfile's ENTRYPOINT on the jar the build made, a rendergate
 * command ({@code farm}, {@code gateway}), the Dockerfile's ENV defaults and the variables given, its output in a
 * log file. Stopped (and its log removed) by {@link #stop()}.
 */
final class ImageProcess {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ImageProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java ... rendergate.jar <command>} with the image's environment plus {@code variables}. */
    static ImageProcess start(String command, Map<String, String> variables) throws IOException {
        Path repo = Synthesized.repo();
        Path jar = repo.resolve("cli/target/rendergate.jar");
        assertThat(jar).as("the build's executable jar (the image copies the same one)").exists();
        List<String> line = new ArrayList<>(ImageCommandIT.dockerfileArray(repo, "ENTRYPOINT"));
        line.replaceAll(part -> part.equals("/opt/rendergate/rendergate.jar") ? jar.toString() : part);
        line.add(command);
        Path log = Files.createTempFile("image-" + command, ".log");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("RENDERGATE_"));
        env.putAll(ImageCommandIT.dockerfileEnv(repo));
        env.put("RENDERGATE_SITE", repo.resolve("static-site/site").toString());
        env.putAll(variables);
        return new ImageProcess(command, builder.start(), log);
    }

    /** Waits (60 s at most) until {@code url} answers 200, failing with the process's output when it dies or never does. */
    void awaitOk(String url, Map<String, String> headers) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the " + name + " process; its output: " + output()).isTrue();
            try {
                if (get(url, headers).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the " + name + " did not answer " + url + " within 60 s: " + output());
    }

    Path log() {
        return log;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    void stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /**
     * {@code count} distinct free ports: every socket stays open until all are chosen, so two calls in a row
     * cannot both get the port the kernel just released.
     */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
