package dev.rendergate.farm.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The L2 wire form of a {@link Snapshot}: a version byte, then a deflate stream of a compact binary
 * record (status, render metadata, kept headers, the UTF-8 body as is). Rendered HTML deflates 4–8×, which is what
 * keeps a shared Redis small. Decoding is bounded, so a corrupt or hostile value cannot exhaust memory.
 */
final class SnapshotCodec {

    private static final byte VERSION = 1;
    /** Larger than any page the farm would render; a value inflating past it is rejected. */
    static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;
    private static final int MAX_HEADERS = 256;

    private SnapshotCodec() {
    }

    static byte[] encode(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(snapshot.body().length / 4 + 256);
        bytes.write(VERSION);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            out.writeShort(snapshot.status());
            out.writeLong(snapshot.renderMillis());
            out.writeLong(snapshot.renderedAt().getEpochSecond());
            out.writeInt(snapshot.renderedAt().getNano());
            writeString(out, snapshot.engine());
            out.writeBoolean(snapshot.buildId() != null);
            if (snapshot.buildId() != null) {
                writeString(out, snapshot.buildId());
            }
            out.writeInt(snapshot.headers().size());
            for (Map.Entry<String, String> header : snapshot.headers().entrySet()) {
                writeString(out, header.getKey());
                writeString(out, header.getValue());
            }
            out.writeInt(snapshot.body().length);
            out.write(snapshot.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException if {@code value} is not a snapshot this version wrote
     */
    static Snapshot decode(byte[] value) {
        if (value == null || value.length < 2 || value[0] != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " snapshot value");
        }
        InflaterInputStream inflater = new InflaterInputStream(new ByteArrayInputStream(value, 1, value.length - 1));
        try (DataInputStream in = new DataInputStream(new BoundedInput(inflater, MAX_DECODED_BYTES))) {
            int status = in.readUnsignedShort();
            long renderMillis = in.readLong();
            Instant renderedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String engine = readString(in);
            String buildId = in.readBoolean() ? readString(in) : null;
            int headerCount = in.readInt();
            if (headerCount < 0 || headerCount > MAX_HEADERS) {
                throw new IllegalArgumentException("bad header count " + headerCount);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerCount; i++) {
                headers.put(readString(in), readString(in));
            }
            byte[] body = readBytes(in);
            return new Snapshot(status, headers, body, engine, renderMillis, renderedAt, buildId);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt snapshot value: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_DECODED_BYTES) {
            throw new IOException("bad length " + length);
        }
        byte[] bytes = in.readNBytes(length); // grows as it reads: a lying length allocates nothing up front
        if (bytes.length != length) {
            throw new IOException("truncated value");
        }
        return bytes;
    }

    /** Stops a decompression bomb: fails once more than {@code limit} bytes have been read. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long remaining;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                throw new IOException("value inflates past " + MAX_DECODED_BYTES + " bytes");
            }
        }
    }
}
