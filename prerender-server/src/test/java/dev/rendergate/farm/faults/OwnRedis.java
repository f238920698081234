package dev.rendergate.farm.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A redis-server of the test's own on a free loopback port, without persistence, that the test kills (SIGKILL) and
 * starts again on the same port: the machine's shared Redis is never touched.
 */
final class OwnRedis implements AutoCloseable {
    private final Path executable;
    private final int port;
    private Process process;

    private OwnRedis(Path executable, int port) {
        this.executable = executable;
        this.port = port;
    }

    /** The installed redis-server, if any. */
    static Optional<Path> executable() {
        return Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static OwnRedis start(Path executable) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OwnRedis redis = new OwnRedis(executable, port);
        redis.up();
        return redis;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the server (again) on its port and waits until it accepts connections. */
    void up() throws IOException {
        process = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** SIGKILL: the server is gone with everything it held, locks included. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
