package dev.rendergate.farm.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
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

    /**
     * The token a request presents: its {@code X-Prerender-Token}, or else the credential of an
     * {@code Authorization: Bearer} header (how Prometheus sends one); null when it presents none.
     */
    public static String presented(HttpServerExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst(FarmHeaders.TOKEN);
        if (token != null) {
            return token;
        }
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    private static final String BEARER = "Bearer ";

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
