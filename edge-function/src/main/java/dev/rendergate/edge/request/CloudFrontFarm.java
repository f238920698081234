package dev.rendergate.edge.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prerender farm as the custom origin an origin-request function hands to CloudFront, held to the
 * rules of the custom-origin fields on AWS's "Lambda@Edge event structure" page: {@code domainName} a DNS
 * name (not empty, no colon, not an IP address, at most 253 characters), {@code port} 80, 443 or
 * 1024-65535, {@code protocol} {@code http} or {@code https}, {@code readTimeout} 4-60 seconds.
 *
 * <p>The read timeout is checked by {@link EdgeConfig} itself. The farm comes either from the bundled settings ({@link #check(EdgeConfig)} refuses the ones
 * CloudFront would reject, so the build fails instead of shipping them) or from the {@value #FARM_HEADER}
 * custom header of the origin CloudFront chose, which a deployment sets per environment
 * ({@link #fromUrl}). The gateway is not bound by these rules: it talks to its farm itself.
 */
public final class CloudFrontFarm {

    /** Origin custom header naming the farm as {@code https://name[:port]}; wins over the bundled farm. */
    public static final String FARM_HEADER = "x-rendergate-farm";
    /** Shortest and longest {@code readTimeout} the event structure page allows. */
    public static final int MIN_READ_TIMEOUT_SECONDS = 4;
    public static final int MAX_READ_TIMEOUT_SECONDS = 60;
    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private CloudFrontFarm() {
    }

    /**
     * Checks a configuration meant for the Lambda@Edge bundle.
     *
     * @param config the bundled configuration
     * @throws IllegalArgumentException naming every setting CloudFront would reject, its value and the fix
     */
    public static void check(EdgeConfig config) {
        List<String> problems = new ArrayList<>();
        addIfPresent(problems, domainProblem("farmDomain", config.farmDomain()));
        addIfPresent(problems, portProblem("farmPort", config.farmPort()));
        if (!config.farmToken().isEmpty()) {
            problems.add("farmToken is set, but the Lambda@Edge package must not carry the farm's secret: leave it"
                    + " empty and set the token as origin custom header X-Prerender-Token on the distribution's"
                    + " origin (the CDK app in infra/ does this from Secrets Manager)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("CloudFront would reject this edge configuration:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * The farm named by an origin custom header.
     *
     * @param url                {@code https://name} or {@code http://name:port}; nothing after the port
     * @param token              the farm's token, sent as origin custom header; empty for none
     * @param readTimeoutSeconds how long CloudFront waits for the farm
     * @return the farm origin
     * @throws IllegalArgumentException when the URL is not of that form or breaks a custom-origin rule
     */
    public static EdgeOrigin fromUrl(String url, String token, int readTimeoutSeconds) {
        String protocol;
        if (url.startsWith("https://")) {
            protocol = "https";
        } else if (url.startsWith("http://")) {
            protocol = "http";
        } else {
            throw new IllegalArgumentException(FARM_HEADER + " must start with https:// or http://");
        }
        String authority = url.substring(protocol.length() + 3);
        int colon = authority.lastIndexOf(':');
        String domain = colon < 0 ? authority : authority.substring(0, colon);
        int port = colon < 0 ? (protocol.equals("https") ? 443 : 80) : portNumber(authority.substring(colon + 1));
        String problem = domainProblem(FARM_HEADER, domain);
        if (problem == null) {
            problem = portProblem(FARM_HEADER, port);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return origin(domain, port, protocol, token, readTimeoutSeconds);
    }

    /** The farm origin of a configuration, with the token as its only custom header. */
    static EdgeOrigin of(EdgeConfig config, String token) {
        return origin(config.farmDomain(), config.farmPort(), config.farmProtocol(), token,
                config.farmReadTimeoutSeconds());
    }

    private static EdgeOrigin origin(String domain, int port, String protocol, String token, int readTimeout) {
        Map<String, String> customHeaders = token.isEmpty()
                ? Map.of()
                : Map.of(EdgeHeaders.PRERENDER_TOKEN_KEY, token);
        return new EdgeOrigin(domain, port, protocol, "", readTimeout, customHeaders);
    }

    private static int portNumber(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    /** A DNS name: dot-separated labels of letters, digits and inner hyphens, the last one not all digits. */
    static String domainProblem(String setting, String domain) {
        String fix = " (a CloudFront custom origin needs a DNS name without a port; give the port separately)";
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
            return setting + " must be a DNS name of 1-253 characters, was '" + domain + "'" + fix;
        }
        if (domain.indexOf(':') >= 0) {
            return setting + " must not contain a colon (a port or an IPv6 address), was '" + domain + "'" + fix;
        }
        // Label by label with indexOf: String.split would carry a regex engine into the JavaScript build.
        int start = 0;
        int end;
        do {
            end = domain.indexOf('.', start);
            String label = domain.substring(start, end < 0 ? domain.length() : end);
            if (!isLabel(label)) {
                return setting + " must be a DNS name, was '" + domain + "'" + fix;
            }
            if (end < 0 && allDigits(label)) {
                return setting + " must be a DNS name, not an IP address, was '" + domain + "'" + fix;
            }
            start = end + 1;
        } while (end >= 0);
        return null;
    }

    static String portProblem(String setting, int port) {
        if (port == 80 || port == 443 || (port >= 1024 && port <= 65535)) {
            return null;
        }
        return setting + " must be 80, 443 or 1024-65535 (CloudFront's custom origin ports), was "
                + (port < 0 ? "not a port number" : String.valueOf(port));
    }

    static String readTimeoutProblem(String setting, int seconds) {
        if (seconds >= MIN_READ_TIMEOUT_SECONDS && seconds <= MAX_READ_TIMEOUT_SECONDS) {
            return null;
        }
        return setting + " must be " + MIN_READ_TIMEOUT_SECONDS + "-" + MAX_READ_TIMEOUT_SECONDS
                + " seconds (the readTimeout range of a Lambda@Edge custom origin), was " + seconds;
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH
                || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String label) {
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) < '0' || label.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
