package dev.rendergate.farm.inspect;

import dev.rendergate.farm.http.TokenCheck;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the inspector: scripts that send the farm's token in {@code X-Prerender-Token}, and browsers that
 * signed in with it once and hold the session cookie. The cookie is {@code HttpOnly}, {@code SameSite=Strict},
 * scoped to {@code /inspect}, and carries no token: it is an expiry and a nonce signed with a key derived from the
 * token (HMAC-SHA256), so every farm node sharing the token accepts it and a forged or expired one is refused.
 * Requests from another site (a foreign {@code Origin}, {@code Sec-Fetch-Site: cross-site}) are refused outright.
 */
final class InspectorAuth {
    static final String COOKIE = "rg_inspector";
    /** Header the page sends with every action; a cross-site form cannot send it. */
    static final HttpString CSRF_HEADER = HttpString.tryFromString("X-Rendergate-Csrf");
    static final HttpString TOKEN_HEADER = HttpString.tryFromString("X-Prerender-Token");
    static final Duration SESSION = Duration.ofHours(12);
    private static final String VERSION = "v1";

    /** How a request is authenticated. */
    enum Caller { TOKEN, SESSION, NONE }

    private final TokenCheck tokens;
    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param token the farm's token; {@code null} disables the inspector (it refuses everyone) */
    InspectorAuth(String token, Clock clock) {
        this.tokens = new TokenCheck(token);
        this.key = token == null ? null : new SecretKeySpec(sha256("rendergate-inspector-session|" + token), "HmacSHA256");
        this.clock = clock;
    }

    /** False when the farm has no token: the inspector is then off. */
    boolean enabled() {
        return key != null;
    }

    boolean tokenAccepted(String presented) {
        return enabled() && presented != null && !presented.isEmpty() && tokens.accepts(presented);
    }

    Caller caller(HttpServerExchange exchange) {
        if (!enabled()) {
            return Caller.NONE;
        }
        String header = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (header != null) {
            return tokenAccepted(header) ? Caller.TOKEN : Caller.NONE;
        }
        Cookie cookie = exchange.getRequestCookie(COOKIE);
        return cookie != null && validSession(cookie.getValue()) ? Caller.SESSION : Caller.NONE;
    }

    /** A new session's cookie value: {@code v1.<expiry>.<nonce>.<mac>}. */
    String newSession() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = VERSION + "." + clock.instant().plus(SESSION).getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + mac(payload);
    }

    boolean validSession(String value) {
        if (key == null || value == null || value.length() > 200) {
            return false;
        }
        int lastDot = value.lastIndexOf('.');
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || lastDot < 0) {
            return false;
        }
        String payload = value.substring(0, lastDot);
        boolean signed = MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        try {
            return signed && Long.parseLong(parts[1]) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The {@code Set-Cookie} value that stores {@code session} ({@code Secure} when the request came over TLS). */
    static String sessionCookie(HttpServerExchange exchange, String session) {
        return COOKIE + "=" + session + "; Path=/inspect; Max-Age=" + SESSION.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure(exchange) ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    static String clearedCookie(HttpServerExchange exchange) {
        return COOKIE + "=; Path=/inspect; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(exchange) ? "; Secure" : "");
    }

    /**
     * Whether the request comes from another site: an {@code Origin} that is not this server's own (including
     * {@code null}), or a browser saying {@code Sec-Fetch-Site: cross-site}.
     */
    static boolean fromAnotherSite(HttpServerExchange exchange) {
        String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        return origin != null && !origin.trim().equalsIgnoreCase(ownOrigin(exchange));
    }

    private static String ownOrigin(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return (secure(exchange) ? "https" : "http") + "://" + (host == null ? "" : host.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean secure(HttpServerExchange exchange) {
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(exchange.getRequestScheme())
                || (forwarded != null && forwarded.trim().equalsIgnoreCase("https"));
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
