package dev.rendergate.farm.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback listener that counts every TCP connection it accepts and closes it: proof that nothing reached it, over
 * plain HTTP, a tunnel (HTTPS) or a WebSocket alike, since each would have to connect first.
 */
public final class TcpCanary implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    private TcpCanary() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "tcp-canary");
        t.setDaemon(true);
        t.start();
    }

    public static TcpCanary start() throws IOException {
        return new TcpCanary();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
