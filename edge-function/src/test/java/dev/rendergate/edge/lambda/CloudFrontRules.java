package dev.rendergate.edge.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The documented rules a request returned by a Lambda@Edge viewer-request or origin-request function
 * must obey, each checked against what the function was given. Every rule names the page of the
 * CloudFront Developer Guide it comes from:
 *
 * <ul>
 *   <li>{@value #EVENT}: "Lambda@Edge event structure", request event fields (header shape, read-only
 *       fields, {@code uri}, the {@code origin} object and each custom- and S3-origin field with its range);
 *   <li>{@value #RESTRICTIONS}: "Restrictions on edge functions" (disallowed headers, read-only headers
 *       per event type, query strings);
 *   <li>{@value #QUOTAS}: "Quotas" (URI and query length, request length, origin custom headers);
 *   <li>{@value #CUSTOM_HEADERS}: "Adding custom headers to origin requests" (headers CloudFront can't add);
 *   <li>{@value #EXAMPLES}: "Lambda@Edge example functions", content-based dynamic origin selection
 *       (the {@code Host} header follows the origin a function switches to).
 * </ul>
 */
final class CloudFrontRules {

    static final String EVENT = "[event structure]";
    static final String RESTRICTIONS = "[restrictions on edge functions]";
    static final String QUOTAS = "[quotas]";
    static final String CUSTOM_HEADERS = "[adding custom headers to origin requests]";
    static final String EXAMPLES = "[example functions: dynamic origin selection]";

    private static final Set<String> DISALLOWED = Set.of("connection", "expect", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "trailer", "upgrade", "x-accel-buffering", "x-accel-charset",
            "x-accel-limit-rate", "x-accel-redirect", "x-cache", "x-forwarded-proto", "x-real-ip");
    private static final List<String> DISALLOWED_PREFIXES = List.of("x-amz-cf-", "x-amzn-", "x-edge-");
    private static final Set<String> READ_ONLY_VIEWER_REQUEST = Set.of("content-length", "host", "transfer-encoding",
            "via");
    private static final Set<String> READ_ONLY_ORIGIN_REQUEST = Set.of("accept-encoding", "content-length",
            "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "transfer-encoding", "via");
    private static final Set<String> ORIGIN_CUSTOM_HEADERS_NOT_ADDED = Set.of("cache-control", "connection",
            "content-length", "cookie", "host", "if-match", "if-modified-since", "if-none-match", "if-range",
            "if-unmodified-since", "max-forwards", "pragma", "proxy-authorization", "proxy-connection", "range",
            "request-range", "te", "trailer", "transfer-encoding", "upgrade", "via", "x-real-ip");
    private static final Set<String> SSL_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");
    private static final int MAX_URI_AND_QUERY = 8192;
    private static final int MAX_REQUEST_BYTES = 20480;
    private static final int MAX_CUSTOM_HEADERS = 10;
    private static final int MAX_CUSTOM_HEADER_NAME = 256;
    private static final int MAX_CUSTOM_HEADER_VALUE = 1783;
    private static final int MAX_CUSTOM_HEADERS_TOTAL = 10240;

    private final List<String> violations = new ArrayList<>();

    private CloudFrontRules() {
    }

    /**
     * @param eventType {@code viewer-request} or {@code origin-request}
     * @param given     the {@code Records[0].cf.request} the function was given
     * @param returned  the request it returned
     * @return every rule the returned request breaks, each with its page; empty when it obeys all
     */
    static List<String> violations(String eventType, Map<?, ?> given, Map<?, ?> returned) {
        CloudFrontRules rules = new CloudFrontRules();
        rules.check(eventType, given, returned);
        return rules.violations;
    }

    private void check(String eventType, Map<?, ?> given, Map<?, ?> returned) {
        for (String field : List.of("clientIp", "method")) {
            require(Objects.equals(given.get(field), returned.get(field)), EVENT, field + " is read-only, was changed");
        }
        Object uri = returned.get("uri");
        require(uri instanceof String && ((String) uri).startsWith("/"), EVENT, "uri must begin with /, was " + uri);
        Object query = returned.get("querystring");
        require(query instanceof String, EVENT, "querystring must be a string");
        String queryText = query instanceof String ? (String) query : "";
        checkQuery(queryText);
        String uriText = uri instanceof String ? (String) uri : "";
        require(uriText.length() + queryText.length() < MAX_URI_AND_QUERY, QUOTAS,
                "uri and querystring together must be under 8,192 characters");
        Map<?, ?> headers = headers(EVENT + " request.headers", returned.get("headers"));
        Map<?, ?> givenHeaders = headers("given headers", given.get("headers"));
        checkAddedHeaders(givenHeaders, headers, "request.headers");
        Set<String> readOnly = eventType.equals("viewer-request") ? READ_ONLY_VIEWER_REQUEST : READ_ONLY_ORIGIN_REQUEST;
        for (String name : readOnly) {
            require(Objects.equals(givenHeaders.get(name), headers.get(name)), RESTRICTIONS,
                    name + " is read-only in " + eventType + " events, was added, changed or removed");
        }
        require(requestBytes(returned, uriText, queryText, headers) <= MAX_REQUEST_BYTES, QUOTAS,
                "a request, headers and query string included, must be at most 20,480 bytes");
        if (eventType.equals("viewer-request")) {
            require(Objects.equals(given.get("origin"), returned.get("origin")), EVENT,
                    "origin can be changed in origin events only");
        } else {
            checkOrigin(given, returned, headers);
        }
    }

    private void checkQuery(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == ' ' || c == '#' || c < 0x20 || c == 0x7f) {
                violations.add(RESTRICTIONS + " querystring can't include spaces, control characters or #");
                return;
            }
        }
    }

    /** Disallowed headers are not exposed to functions, so any in the result was added by the function. */
    private void checkAddedHeaders(Map<?, ?> given, Map<?, ?> returned, String where) {
        for (Object name : returned.keySet()) {
            String lower = String.valueOf(name);
            boolean disallowed = DISALLOWED.contains(lower)
                    || DISALLOWED_PREFIXES.stream().anyMatch(lower::startsWith);
            require(!disallowed || Objects.equals(given.get(lower), returned.get(lower)), RESTRICTIONS,
                    lower + " is a disallowed header and was added to " + where);
        }
    }

    private void checkOrigin(Map<?, ?> given, Map<?, ?> returned, Map<?, ?> headers) {
        Object originJson = returned.get("origin");
        if (!(originJson instanceof Map)) {
            violations.add(EVENT + " origin must be an object in an origin-request result");
            return;
        }
        Map<?, ?> origin = (Map<?, ?>) originJson;
        boolean custom = origin.get("custom") instanceof Map;
        boolean s3 = origin.get("s3") instanceof Map;
        require(custom != s3 && origin.size() == 1, EVENT, "origin must contain exactly one origin, custom or s3");
        Map<?, ?> chosen = (Map<?, ?>) (custom ? origin.get("custom") : origin.get("s3"));
        if (chosen == null) {
            return;
        }
        checkCustomHeaders(chosen.get("customHeaders"), headers);
        checkPath(chosen.get("path"), custom);
        if (custom) {
            checkCustomOrigin(chosen);
        } else {
            checkS3Origin(chosen);
        }
        if (!Objects.equals(given.get("origin"), originJson)) {
            Object host = headers.get("host");
            Object domain = chosen.get("domainName");
            require(host instanceof List && ((List<?>) host).size() == 1
                    && Objects.equals(((Map<?, ?>) ((List<?>) host).get(0)).get("value"), domain), EXAMPLES,
                    "a function that switches the origin sets Host to the new origin's domainName " + domain
                            + ", was " + host);
        }
    }

    private void checkCustomHeaders(Object json, Map<?, ?> requestHeaders) {
        Map<?, ?> customHeaders = headers(EVENT + " customHeaders", json);
        int total = 0;
        for (Map.Entry<?, ?> entry : customHeaders.entrySet()) {
            String name = String.valueOf(entry.getKey());
            require(!requestHeaders.containsKey(name), EVENT,
                    "a header in the origin's customHeaders can't also be in request.headers: " + name);
            require(!ORIGIN_CUSTOM_HEADERS_NOT_ADDED.contains(name) && !name.startsWith("x-amz-")
                    && !name.startsWith("x-edge-"), CUSTOM_HEADERS, "CloudFront can't add " + name + " to origin requests");
            require(name.length() <= MAX_CUSTOM_HEADER_NAME, QUOTAS, "custom header names are at most 256 characters");
            for (Object item : (List<?>) entry.getValue()) {
                String value = String.valueOf(((Map<?, ?>) item).get("value"));
                require(value.length() <= MAX_CUSTOM_HEADER_VALUE, QUOTAS,
                        "custom header values are at most 1,783 characters");
                total += name.length() + value.length();
            }
        }
        checkAddedHeaders(Map.of(), customHeaders, "customHeaders");
        require(customHeaders.size() <= MAX_CUSTOM_HEADERS, QUOTAS, "at most 10 origin custom headers");
        require(total <= MAX_CUSTOM_HEADERS_TOTAL, QUOTAS, "custom header names and values together at most 10,240");
    }

    private void checkPath(Object path, boolean custom) {
        String text = path instanceof String ? (String) path : null;
        require(text != null && (text.isEmpty() || (text.startsWith("/") && !text.endsWith("/"))), EVENT,
                "origin path must be empty or start with / and not end with /, was " + path);
        require(!custom || text == null || text.length() <= 255, EVENT, "custom origin path is at most 255 characters");
    }

    private void checkCustomOrigin(Map<?, ?> custom) {
        Object domain = custom.get("domainName");
        String name = domain instanceof String ? (String) domain : "";
        require(!name.isEmpty() && name.length() <= 253 && name.indexOf(':') < 0 && !isIpAddress(name), EVENT,
                "custom origin domainName must be a DNS name (not empty, no colon, not an IP address, at most 253"
                        + " characters), was " + domain);
        int port = number(custom.get("port"));
        require(port == 80 || port == 443 || (port >= 1024 && port <= 65535), EVENT,
                "custom origin port must be 80, 443 or 1024-65535, was " + custom.get("port"));
        require("http".equals(custom.get("protocol")) || "https".equals(custom.get("protocol")), EVENT,
                "custom origin protocol must be http or https, was " + custom.get("protocol"));
        int read = number(custom.get("readTimeout"));
        require(read >= 4 && read <= 60, EVENT, "custom origin readTimeout must be 4-60, was " + custom.get("readTimeout"));
        int keepalive = number(custom.get("keepaliveTimeout"));
        require(keepalive >= 1 && keepalive <= 60, EVENT,
                "custom origin keepaliveTimeout must be 1-60, was " + custom.get("keepaliveTimeout"));
        Object protocols = custom.get("sslProtocols");
        require(protocols instanceof List && !((List<?>) protocols).isEmpty()
                && SSL_PROTOCOLS.containsAll((List<?>) protocols), EVENT,
                "custom origin sslProtocols must be some of TLSv1.2, TLSv1.1, TLSv1, SSLv3, was " + protocols);
    }

    private void checkS3Origin(Map<?, ?> s3) {
        Object domain = s3.get("domainName");
        String name = domain instanceof String ? (String) domain : "";
        require(!name.isEmpty() && name.length() <= 128 && name.equals(name.toLowerCase(Locale.ROOT)), EVENT,
                "S3 origin domainName must be 1-128 lower-case characters, was " + domain);
        Object auth = s3.get("authMethod");
        require("origin-access-identity".equals(auth) || "none".equals(auth), EVENT,
                "S3 origin authMethod must be origin-access-identity or none, was " + auth);
        require(!"origin-access-identity".equals(auth) || s3.get("region") instanceof String, EVENT,
                "S3 origin region is required with origin-access-identity");
    }

    /** Header objects: lower-case names, each a non-empty array of {key, value} with key matching the name. */
    private Map<?, ?> headers(String where, Object json) {
        if (!(json instanceof Map)) {
            violations.add(where + " must be an object");
            return Map.of();
        }
        Map<?, ?> headers = (Map<?, ?>) json;
        for (Map.Entry<?, ?> entry : headers.entrySet()) {
            String name = String.valueOf(entry.getKey());
            require(name.equals(name.toLowerCase(Locale.ROOT)), EVENT, where + ": key " + name + " must be lower case");
            if (!(entry.getValue() instanceof List) || ((List<?>) entry.getValue()).isEmpty()) {
                violations.add(EVENT + " " + where + ": " + name + " must be a non-empty array of {key, value}");
                continue;
            }
            for (Object item : (List<?>) entry.getValue()) {
                boolean shaped = item instanceof Map && ((Map<?, ?>) item).get("value") instanceof String
                        && ((Map<?, ?>) item).get("key") instanceof String
                        && ((String) ((Map<?, ?>) item).get("key")).toLowerCase(Locale.ROOT).equals(name);
                require(shaped, EVENT, where + ": each " + name + " item must be {key, value} with key " + name
                        + " in any case");
            }
        }
        return headers;
    }

    private static int requestBytes(Map<?, ?> request, String uri, String query, Map<?, ?> headers) {
        int bytes = String.valueOf(request.get("method")).length() + 1 + uri.length() + 1 + query.length() + 11;
        for (Object values : headers.values()) {
            for (Object item : (List<?>) values) {
                Map<?, ?> header = (Map<?, ?>) item;
                bytes += String.valueOf(header.get("key")).getBytes(StandardCharsets.UTF_8).length + 4
                        + String.valueOf(header.get("value")).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private static boolean isIpAddress(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return !last.isEmpty() && last.chars().allMatch(Character::isDigit);
    }

    private static int number(Object json) {
        return json instanceof JsonNumber ? ((JsonNumber) json).intValue(Integer.MIN_VALUE) : Integer.MIN_VALUE;
    }

    private void require(boolean holds, String page, String rule) {
        if (!holds) {
            violations.add(page + " " + rule);
        }
    }
}
