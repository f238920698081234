package dev.rendergate.farm.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where one proxy request goes: a tunnel ({@code CONNECT host:port}, which carries HTTPS and WebSockets) or a
 * plain HTTP request in absolute form ({@code GET http://host:port/path HTTP/1.1}), rewritten to the origin form
 * the origin expects.
 *
 * @param tunnel      true for {@code CONNECT}
 * @param host        the host as a URI spells it (IPv6 in brackets), lower case
 * @param port        the port, explicit
 * @param requestLine the request line to send to the origin (plain requests only; null for a tunnel)
 */
record ProxyTarget(boolean tunnel, String host, int port, String requestLine) {

    /** Thrown for a request this proxy does not carry; the message is safe to show the client. */
    static final class UnsupportedRequestException extends Exception {
        private final int status;

        UnsupportedRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Reads the target of a request head. */
    static ProxyTarget of(MessageHead head) throws UnsupportedRequestException {
        String[] parts = head.startLine().split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new UnsupportedRequestException(400, "malformed request line");
        }
        String method = parts[0];
        if (method.equals("CONNECT")) {
            URI authority = parse("//" + parts[1]);
            if (authority.getHost() == null || authority.getPort() < 1 || authority.getRawPath().length() > 0
                    || authority.getRawUserInfo() != null) {
                throw new UnsupportedRequestException(400, "CONNECT needs host:port");
            }
            return new ProxyTarget(true, authority.getHost().toLowerCase(Locale.ROOT), authority.getPort(), null);
        }
        URI uri = parse(parts[1]);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new UnsupportedRequestException(400,
                    uri.getScheme() == null ? "not a proxy request: the target must be an absolute http URL"
                            : "only http URLs are proxied as requests; https goes through CONNECT");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new UnsupportedRequestException(400, "the URL needs a host and no user info");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new ProxyTarget(false, uri.getHost().toLowerCase(Locale.ROOT), port,
                method + " " + path + query + " " + parts[2]);
    }

    /** {@code host:port}, the key refusals are recorded under. */
    String authority() {
        return host + ":" + port;
    }

    private static URI parse(String raw) throws UnsupportedRequestException {
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            throw new UnsupportedRequestException(400, "malformed request target");
        }
    }
}
