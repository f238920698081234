package dev.rendergate.gateway.statics;

import io.netty.buffer.ByteBuf;
import java.nio.file.Path;

/**
 * One encoding of a file: identity, gzip or brotli. Either its bytes are held in memory ({@code bytes}
 * non-null, an unreleasable direct buffer shared by all responses) or it is sent from {@code file}
 * with zero-copy.
 *
 * @param encoding {@code null} for identity, else the {@code Content-Encoding} token
 */
record Variant(String encoding, String etag, long length, ByteBuf bytes, Path file) {

    boolean inMemory() {
        return bytes != null;
    }
}
