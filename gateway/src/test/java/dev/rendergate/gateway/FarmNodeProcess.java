package dev.rendergate.gateway;

import dev.rendergate.farm.EngineMode;
import dev.rendergate.farm.Farm;
import dev.rendergate.farm.FarmConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A farm node (HtmlUnit) in a JVM of its own, so a test can kill it outright as a crashed or OOM-killed node dies.
 * The child prints {@code PORT <n>} once it listens and stops when its stdin closes (the test JVM gone).
 */
final class FarmNodeProcess implements AutoCloseable {
    private final Process process;

    private FarmNodeProcess(Process process) {
        this.process = process;
    }

    /** Starts a node on {@code port} that may render pages of {@code origin} (a loopback origin). */
    static FarmNodeProcess start(int port, String origin) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                Integer.toString(port), origin)
                .redirectErrorStream(true)
                .start();
        FarmNodeProcess node = new FarmNodeProcess(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            CompletableFuture.supplyAsync(() -> awaitPort(out)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            node.close();
            throw e;
        }
        Thread drain = new Thread(() -> drain(out), "farm-node-" + process.pid() + "-out");
        drain.setDaemon(true);
        drain.start();
        return node;
    }

    /** SIGKILL: no shutdown hook, no drain, connections reset by the kernel. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String awaitPort(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PORT ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the farm node exited before it listened");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the child's log is not asserted on; reading keeps its pipe from filling
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** The child JVM. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            String origin = args[1];
            Farm farm = Farm.create(FarmConfig.defaults()
                    .withEngine(EngineMode.HTMLUNIT)
                    .withPoolSize(1)
                    .withPort(port)
                    .withRenderTimeout(Duration.ofSeconds(10))
                    .withAllowedOrigin(origin)
                    .withPrivateAddressException(origin.substring(origin.indexOf("//") + 2))).start();
            System.out.println("PORT " + farm.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes stdin or dies
            }
            farm.stop();
            System.exit(0);
        }
    }
}
