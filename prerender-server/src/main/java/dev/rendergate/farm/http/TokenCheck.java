package dev.rendergate.farm.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares the {@code X-Prerender-Token} in constant time (both sides hashed, so length leaks nothing either). */
final class TokenCheck {
    private final byte[] expected;

    /** @param token the configured token, or null when no token is required */
    TokenCheck(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    boolean accepts(String presented) {
        if (expected == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
