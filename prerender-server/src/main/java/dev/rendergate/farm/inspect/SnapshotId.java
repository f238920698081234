package dev.rendergate.farm.inspect;

import dev.rendergate.farm.cache.CacheKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** The inspector's id of a page and device: 16 URL-safe characters derived from the cache key, stable across nodes. */
final class SnapshotId {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16}");

    private SnapshotId() {
    }

    static String of(CacheKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.id().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Whether {@code text} has the form of an id (anything else is answered 404 without a lookup). */
    static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }
}
