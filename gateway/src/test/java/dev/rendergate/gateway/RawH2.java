package dev.rendergate.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP/2 client by prior knowledge over a plain socket: it writes the preface and frames itself, so
 * the test sees exactly what the gateway sends (SETTINGS, HEADERS, DATA, GOAWAY) without a library in
 * between. Header blocks use Netty's HPACK coder; everything else is the wire format.
 */
final class RawH2 implements AutoCloseable {

    static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7, WINDOW_UPDATE = 8,
            CONTINUATION = 9;
    static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3, REFUSED_STREAM = 0x7;
    static final int END_STREAM = 0x1, END_HEADERS = 0x4, ACK = 0x1;
    private static final int MAX_FRAMES = 10_000;

    /** One frame as read off the wire. */
    record Frame(int type, int flags, int streamId, byte[] payload) {
    }

    /** A complete response on one stream. */
    record Response(Http2Headers headers, String body) {
        int status() {
            return Integer.parseInt(headers.status().toString());
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int port;
    private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(true);
    private final Map<Integer, Http2Headers> headers = new HashMap<>();
    private final Map<Integer, ByteArrayOutputStream> bodies = new HashMap<>();
    private final Set<Integer> ended = new HashSet<>();
    private final Set<Integer> requested = new HashSet<>();
    private final Map<Integer, Integer> resets = new HashMap<>();
    private final Map<Integer, Long> serverSettings = new HashMap<>();
    private boolean settingsSeen;
    private boolean goAway;

    RawH2(int port, int timeoutMillis) throws IOException {
        this.port = port;
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        frame(SETTINGS, 0, 0, new byte[0]);
    }

    /** Sends a GET on {@code streamId} (odd, increasing) with extra header name/value pairs. */
    void get(int streamId, String path, String... headers) throws IOException, Http2Exception {
        frame(HEADERS, END_STREAM | END_HEADERS, streamId, headerBlock(streamId, "GET", path, headers));
    }

    /** The HPACK-encoded header block of a request (the encoder's table advances: send it). */
    byte[] headerBlock(int streamId, String method, String path, String... headers) throws Http2Exception {
        Http2Headers h = new DefaultHttp2Headers().method(method).scheme("http").authority("127.0.0.1:" + port).path(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i].toLowerCase(java.util.Locale.ROOT), headers[i + 1]);
        }
        ByteBuf block = Unpooled.buffer();
        try {
            encoder.encodeHeaders(streamId, h, block);
            byte[] bytes = new byte[block.readableBytes()];
            block.readBytes(bytes);
            return bytes;
        } finally {
            block.release();
        }
    }

    /** Sends a PING (the server answers with a PING ACK). */
    void ping() throws IOException {
        frame(PING, 0, 0, new byte[8]);
    }

    /**
     * Waits up to {@code max} for the server to close the connection, reading (and dropping) frames;
     * with {@code pingEvery} non-null it keeps sending PINGs meanwhile, as a client that only wants to
     * look busy would. True when the server closed it (end of stream, reset, or a write refused).
     */
    boolean awaitClose(java.time.Duration max, java.time.Duration pingEvery) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        int previousTimeout = socket.getSoTimeout();
        socket.setSoTimeout(pingEvery == null ? (int) Math.max(1, max.toMillis()) : (int) Math.max(1, pingEvery.toMillis()));
        try {
            while (System.nanoTime() < deadline) {
                try {
                    if (pingEvery != null) {
                        ping();
                    }
                    for (int i = 0; i < MAX_FRAMES; i++) {
                        next();
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // nothing more to read for now
                } catch (EOFException | java.net.SocketException e) {
                    return true;
                }
            }
            return false;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(previousTimeout);
            }
        }
    }

    /** Reads frames until the response on {@code streamId} has ended; other streams' frames are kept. */
    Response response(int streamId) throws IOException, Http2Exception {
        for (int i = 0; i < MAX_FRAMES && !ended.contains(streamId); i++) {
            take(next());
        }
        if (!ended.contains(streamId)) {
            throw new IOException("no end of stream " + streamId + " within " + MAX_FRAMES + " frames");
        }
        ByteArrayOutputStream body = bodies.getOrDefault(streamId, new ByteArrayOutputStream());
        return new Response(headers.get(streamId), body.toString(StandardCharsets.UTF_8));
    }

    private void take(Frame f) throws Http2Exception, IOException {
        if (f.type() == HEADERS) {
            headers.putIfAbsent(f.streamId(), decode(f));
        } else if (f.type() == DATA) {
            bodies.computeIfAbsent(f.streamId(), k -> new ByteArrayOutputStream()).writeBytes(f.payload());
            windowUpdate(f.streamId(), f.payload().length, (f.flags() & END_STREAM) != 0);
        }
        if ((f.flags() & END_STREAM) != 0 && (f.type() == DATA || f.type() == HEADERS)) {
            ended.add(f.streamId());
        }
    }

    /**
     * Gives back what a DATA frame used of the connection's and the stream's windows, so large bodies keep
     * coming. After a stream's last frame nothing is written unless another stream is still open: a server
     * that has sent GOAWAY closes the connection once its last stream ends, and a write then fails.
     */
    private void windowUpdate(int streamId, int bytes, boolean last) throws IOException {
        if (bytes <= 0 || (last && !otherStreamOpen(streamId))) {
            return;
        }
        byte[] increment = {(byte) (bytes >>> 24), (byte) (bytes >>> 16), (byte) (bytes >>> 8), (byte) bytes};
        frame(WINDOW_UPDATE, 0, 0, increment);
        if (!last) {
            frame(WINDOW_UPDATE, 0, streamId, increment);
        }
    }

    private boolean otherStreamOpen(int streamId) {
        return requested.stream().anyMatch(id -> id != streamId && !ended.contains(id));
    }

    /** Reads what arrives within {@code wait}; true once the response on {@code streamId} has ended. */
    boolean endedWithin(int streamId, java.time.Duration wait) throws IOException, Http2Exception {
        int previousTimeout = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            for (int i = 0; i < MAX_FRAMES && !ended.contains(streamId); i++) {
                take(next());
            }
        } catch (java.net.SocketTimeoutException e) {
            // nothing more within the wait
        } finally {
            socket.setSoTimeout(previousTimeout);
        }
        return ended.contains(streamId);
    }

    /** Reads frames until the server's SETTINGS arrive (and are acknowledged); returns them by identifier. */
    Map<Integer, Long> awaitSettings() throws IOException, Http2Exception {
        for (int i = 0; i < MAX_FRAMES && !settingsSeen; i++) {
            take(next());
        }
        if (!settingsSeen) {
            throw new IOException("no SETTINGS within " + MAX_FRAMES + " frames");
        }
        return Map.copyOf(serverSettings);
    }

    /** Reads until {@code streamId} is reset or its response ends; the RST_STREAM error code, or -1 when it ended. */
    int resetOrEnd(int streamId) throws IOException, Http2Exception {
        for (int i = 0; i < MAX_FRAMES && !resets.containsKey(streamId) && !ended.contains(streamId); i++) {
            take(next());
        }
        return resets.getOrDefault(streamId, -1);
    }

    /** Reads frames until a GOAWAY arrives (header blocks in between are decoded to keep HPACK in step). */
    void awaitGoAway() throws IOException, Http2Exception {
        for (int i = 0; i < MAX_FRAMES && !goAway; i++) {
            Frame f = next();
            if (f.type() == HEADERS) {
                headers.putIfAbsent(f.streamId(), decode(f));
            }
        }
        if (!goAway) {
            throw new IOException("no GOAWAY within " + MAX_FRAMES + " frames");
        }
    }

    /** True once the server has closed the connection (reads end). */
    boolean closedByServer() throws IOException {
        try {
            for (int i = 0; i < MAX_FRAMES; i++) {
                next();
            }
            return false;
        } catch (EOFException e) {
            return true;
        }
    }

    private Http2Headers decode(Frame f) throws Http2Exception {
        ByteBuf block = Unpooled.wrappedBuffer(f.payload());
        try {
            return decoder.decodeHeaders(f.streamId(), block);
        } finally {
            block.release();
        }
    }

    private Frame next() throws IOException {
        int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7fffffff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (type == SETTINGS && (flags & ACK) == 0) {
            frame(SETTINGS, ACK, 0, new byte[0]);
        }
        if (type == GOAWAY) {
            goAway = true;
        }
        if (type == RST_STREAM && length == 4) {
            resets.put(stream, ((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8)
                    | (payload[3] & 0xff));
        }
        if (type == SETTINGS && (flags & ACK) == 0) {
            settingsSeen = true;
            for (int at = 0; at + 6 <= length; at += 6) {
                serverSettings.put(((payload[at] & 0xff) << 8) | (payload[at + 1] & 0xff),
                        ((long) (payload[at + 2] & 0xff) << 24) | ((payload[at + 3] & 0xff) << 16)
                                | ((payload[at + 4] & 0xff) << 8) | (payload[at + 5] & 0xff));
            }
        }
        return new Frame(type, flags, stream, payload);
    }

    /** Writes one frame as given. */
    void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
        if (type == HEADERS) {
            requested.add(streamId);
        }
        byte[] head = {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags,
                (byte) (streamId >>> 24), (byte) (streamId >>> 16), (byte) (streamId >>> 8), (byte) streamId};
        out.write(head);
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
