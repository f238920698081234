package dev.rendergate.gateway.statics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Finds files under the document root and keeps what it found: metadata for every file, and the bytes
 * (plus a gzip form of text) of small ones, within a byte bound. An entry is checked against the disk
 * at most once per {@link #RECHECK_NANOS}, so edits to the site show up within a second while hot
 * files cost no system call.
 *
 * <p>Every file is resolved to its real path and must stay under the real root: a symlink that leads
 * out of the site is not served.
 */
public final class FileCache {

    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MIN_GZIP_BYTES = 256;

    private final Path realRoot;
    private final int smallFileBytes;
    private final LongSupplier nanoClock;
    private final Cache<String, StaticFile> entries;

    FileCache(Path root, int smallFileBytes, long maxBytes, LongSupplier nanoClock) {
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("site folder not readable: " + root, e);
        }
        this.smallFileBytes = smallFileBytes;
        this.nanoClock = nanoClock;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .weigher((String key, StaticFile file) -> file.weight())
                .build();
    }

    /** A cache over {@code root} on the system clock. */
    public static FileCache of(Path root, int smallFileBytes, long maxBytes) {
        return new FileCache(root, smallFileBytes, maxBytes, System::nanoTime);
    }

    /** The file a safe relative key names (a directory means its {@code index.html}), if any. */
    public Optional<StaticFile> find(String relative) {
        long now = nanoClock.getAsLong();
        StaticFile cached = entries.getIfPresent(relative);
        if (cached != null) {
            if (now - cached.checkedAtNanos() < RECHECK_NANOS || unchanged(cached, now)) {
                return Optional.of(cached);
            }
            entries.invalidate(relative);
        }
        Optional<StaticFile> loaded = load(relative, now);
        loaded.ifPresent(file -> entries.put(relative, file));
        return loaded;
    }

    private boolean unchanged(StaticFile file, long now) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file.path(), BasicFileAttributes.class);
            if (attrs.size() == file.size() && attrs.lastModifiedTime().toMillis() == file.lastModifiedMillis()) {
                file.checkedAt(now);
                return true;
            }
        } catch (IOException e) {
            // gone or unreadable: reload decides
        }
        return false;
    }

    private Optional<StaticFile> load(String relative, long now) {
        try {
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot)) {
                return Optional.empty();
            }
            if (Files.isDirectory(candidate)) {
                candidate = candidate.resolve("index.html");
            }
            Path real = insideRoot(candidate);
            if (real == null) {
                return Optional.empty();
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(build(real, attrs, now));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /** The real path when it exists and stays under the root, else null. */
    private Path insideRoot(Path candidate) throws IOException {
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path real = candidate.toRealPath();
        return real.startsWith(realRoot) ? real : null;
    }

    private StaticFile build(Path real, BasicFileAttributes attrs, long now) throws IOException {
        String name = real.getFileName().toString();
        long size = attrs.size();
        long modified = attrs.lastModifiedTime().toMillis();
        String type = ContentTypes.of(name);
        boolean small = size <= smallFileBytes;
        byte[] content = small ? Files.readAllBytes(real) : null;
        Variant identity = new Variant(null, StaticFile.etagOf(size, modified, ""), size,
                content == null ? null : shared(content), real);
        Variant brotli = precompressed(real, "br", size, modified);
        Variant gzip = precompressed(real, "gzip", size, modified);
        if (gzip == null && content != null && size >= MIN_GZIP_BYTES && ContentTypes.compressible(type)) {
            byte[] packed = gzip(content);
            if (packed.length < size - size / 10) {
                gzip = new Variant("gzip", StaticFile.etagOf(size, modified, "-gzip"), packed.length,
                        shared(packed), null);
            }
        }
        return new StaticFile(real, size, modified, type, CachePolicy.of(name, type), identity, gzip, brotli, now);
    }

    /** A sibling {@code name.br} / {@code name.gz} made at build time, if present and inside the root. */
    private Variant precompressed(Path real, String encoding, long size, long modified) throws IOException {
        Path sibling = real.resolveSibling(real.getFileName() + (encoding.equals("br") ? ".br" : ".gz"));
        Path realSibling = insideRoot(sibling);
        if (realSibling == null || !Files.isRegularFile(realSibling)) {
            return null;
        }
        long length = Files.size(realSibling);
        ByteBuf bytes = length <= smallFileBytes ? shared(Files.readAllBytes(realSibling)) : null;
        return new Variant(encoding, StaticFile.etagOf(size, modified, "-" + encoding), length, bytes, realSibling);
    }

    /** A direct, never-released buffer: every response sends a duplicate, the GC frees it after eviction. */
    private static ByteBuf shared(byte[] content) {
        ByteBuffer direct = ByteBuffer.allocateDirect(content.length);
        direct.put(content).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}
