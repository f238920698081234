package dev.rendergate.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where the short links {@code /s/<code>} are looked up: a mapping file or a Redis hash. */
public sealed interface ShortLinkStore {

    /** The key of the Redis hash when none is given. */
    String DEFAULT_REDIS_KEY = "rendergate:shortlinks";

    /** A file of {@code code=target} lines, read once at start. */
    record File(Path path) implements ShortLinkStore {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A Redis hash {@code key} of code → target, asked on every request ({@code HGET}). */
    record Redis(URI uri, String key) implements ShortLinkStore {
        private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");

        public Redis {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(key, "key");
        }

        /** {@code host:port} only: the URI may carry a password, which never goes into a log. */
        public String where() {
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
        }

        /** Never prints a password. */
        @Override
        public String toString() {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + where() + path + " key=" + key;
        }
    }

    /** Checks the values a person typed; the message names the value and what is wrong with it. */
    default void validate() {
        if (this instanceof File file && !Files.isRegularFile(file.path())) {
            throw new IllegalArgumentException("short-link file not found: " + file.path());
        }
        if (this instanceof Redis redis) {
            String scheme = redis.uri().getScheme();
            if (!("redis".equals(scheme) || "rediss".equals(scheme)) || redis.uri().getHost() == null) {
                throw new IllegalArgumentException("short-link Redis must look like redis://host:port[/db], got "
                        + redis);
            }
            String path = redis.uri().getPath();
            if (path != null && !path.isEmpty() && !path.matches("/\\d{0,2}")) {
                throw new IllegalArgumentException("short-link Redis database must be a number (redis://host:port/0), got "
                        + path);
            }
            if (!Redis.KEY.matcher(redis.key()).matches()) {
                throw new IllegalArgumentException("short-link key must be 1-256 visible ASCII characters, got '"
                        + redis.key() + "'");
            }
        }
    }
}
