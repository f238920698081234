package dev.rendergate.gateway;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where the SPA's files come from: a folder on this machine or an HTTP(S) origin such as an S3 bucket. */
public sealed interface SiteSource {

    /** The site folder (document root), served from disk. */
    record Folder(Path dir) implements SiteSource {
        public Folder {
            Objects.requireNonNull(dir, "dir");
        }
    }

    /**
     * An HTTP(S) origin, e.g. an S3 website endpoint or bucket URL; its path (if any) is the prefix
     * every request path is appended to.
     */
    record Origin(URI url) implements SiteSource {
        public Origin {
            Objects.requireNonNull(url, "url");
        }
    }

    static SiteSource folder(Path dir) {
        return new Folder(dir);
    }

    static SiteSource origin(URI url) {
        return new Origin(url);
    }

    /** Checks the value a person typed; the message names it and what is wrong with it. */
    default void validate() {
        if (this instanceof Folder folder && !Files.isDirectory(folder.dir())) {
            throw new IllegalArgumentException("site folder not found or not a directory: " + folder.dir());
        }
        if (this instanceof Origin origin) {
            GatewayConfig.requireHttpUrl("origin", origin.url());
            if (origin.url().getRawQuery() != null || origin.url().getRawFragment() != null
                    || origin.url().getRawUserInfo() != null) {
                throw new IllegalArgumentException("origin must be scheme://host[:port][/prefix] without user info, "
                        + "query or fragment, got " + origin.url());
            }
        }
    }
}
