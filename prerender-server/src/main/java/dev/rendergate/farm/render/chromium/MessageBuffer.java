package dev.rendergate.farm.render.chromium;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one DevTools message as they arrive from the pipe, up to a limit: past it only a short prefix is
 * kept (enough to tell which call the oversized answer belonged to) and the rest is dropped as it comes.
 */
final class MessageBuffer {
    private static final int PREFIX = 64;
    private static final int INITIAL = 8 * 1024;

    private final int limit;
    private byte[] bytes = new byte[INITIAL];
    private int length;
    private boolean oversized;

    MessageBuffer(int limit) {
        this.limit = limit;
    }

    void append(byte[] chunk, int from, int count) {
        if (oversized || count == 0) {
            return;
        }
        if (length + count > limit) {
            oversized = true;
            length = Math.min(length, PREFIX);
            int head = Math.min(PREFIX - length, count);
            System.arraycopy(chunk, from, bytes, length, head);
            length += head;
            return;
        }
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, length + count)));
        }
        System.arraycopy(chunk, from, bytes, length, count);
        length += count;
    }

    boolean oversized() {
        return oversized;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The first bytes of an oversized message, as text. */
    String prefix() {
        return new String(bytes, 0, Math.min(length, PREFIX), StandardCharsets.UTF_8);
    }

    /** Empties the buffer for the next message; a buffer grown for one large snapshot shrinks back. */
    void reset() {
        length = 0;
        oversized = false;
        if (bytes.length > 1 << 20) {
            bytes = new byte[INITIAL];
        }
    }
}
