package dev.rendergate.farm.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares the {@code X-Prerender-Token} in constant time (both sides hashed, so length leaks nothing either). */
public final class TokenCheck {
    private final byte[] expected;
    // Cloned per check rather than looked up in the security providers on every request.
    private final MessageDigest prototype;

    /** @param token the configured token, or null when no token is required */
    public TokenCheck(String token) {
        this.prototype = sha256();
        this.expected = token == null ? null : digest(prototype, token);
    }

    /** Whether {@code presented} is the token (anything is, when none is configured). */
    public boolean accepts(String presented) {
        if (expected == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(expected, digest(fresh(), presented));
    }

    private MessageDigest fresh() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static byte[] digest(MessageDigest digest, String s) {
        return digest.digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
