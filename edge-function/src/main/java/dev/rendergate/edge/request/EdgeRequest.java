package dev.rendergate.edge.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudFront request ({@code Records[0].cf.request}) as an immutable value.
 *
 * <p>Headers are keyed by lower-case name, each with the list of values as sent, like CloudFront's
 * event. The map keeps insertion order so that a request serialised back to JSON is deterministic;
 * the {@code with...} copies replace a header in place or append a new one at the end.
 *
 * @param clientIp    the viewer's address
 * @param method      the HTTP method, e.g. {@code GET}
 * @param uri         the path, percent-encoded as received, starting with {@code /}; never a query
 * @param querystring the raw query without {@code ?}; empty for none
 * @param headers     lower-case name to values
 * @param origin      the custom origin an origin-request function chose; null to keep the configured one
 * @param originHeaders the custom headers of the origin CloudFront chose for this request (custom or S3),
 *                    lower-case name to first value; empty outside origin-request events. A deployment
 *                    passes the farm's address and token this way ({@link CloudFrontFarm#FARM_HEADER},
 *                    {@link EdgeHeaders#PRERENDER_TOKEN}), since Lambda@Edge has no environment variables.
 */
public record EdgeRequest(
        String clientIp,
        String method,
        String uri,
        String querystring,
        Map<String, List<EdgeHeader>> headers,
        EdgeOrigin origin,
        Map<String, String> originHeaders) {

    /** Normalises nulls to empty values and freezes the header map in its given order (always a {@link FrozenHeaders}). */
    public EdgeRequest {
        clientIp = clientIp == null ? "" : clientIp;
        method = method == null ? "" : method;
        uri = uri == null || uri.isEmpty() ? "/" : uri;
        querystring = querystring == null ? "" : querystring;
        headers = HeaderMap.copyOf(headers);
        originHeaders = originHeaders == null || originHeaders.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(originHeaders));
    }

    /**
     * A request without origin custom headers, as a viewer-request event or the gateway has it.
     *
     * @param clientIp    the viewer's address
     * @param method      the HTTP method
     * @param uri         the path
     * @param querystring the raw query, or empty
     * @param headers     lower-case name to values
     * @param origin      the custom origin, or null
     */
    public EdgeRequest(String clientIp, String method, String uri, String querystring,
            Map<String, List<EdgeHeader>> headers, EdgeOrigin origin) {
        this(clientIp, method, uri, querystring, headers, origin, Map.of());
    }

    /**
     * Creates a request without an origin override.
     *
     * @param method  the HTTP method
     * @param uri     the path
     * @param query   the raw query, or empty
     * @param headers lower-case name to values
     * @return the request, with an empty client IP
     */
    public static EdgeRequest of(String method, String uri, String query, Map<String, List<EdgeHeader>> headers) {
        return new EdgeRequest("", method, uri, query, headers, null);
    }

    /**
     * Returns the first value of a header.
     *
     * @param lowerName the header name in lower case
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> header(String lowerName) {
        return Optional.ofNullable(((FrozenHeaders) headers).firstValue(lowerName));
    }

    /**
     * Returns the first value of a header, or empty text; what the edge logic reads on every request,
     * without the {@link Optional}.
     *
     * @param lowerName the header name in lower case
     * @return the first value, or {@code ""} when the header is absent
     */
    public String headerValue(String lowerName) {
        String value = ((FrozenHeaders) headers).firstValue(lowerName);
        return value == null ? "" : value;
    }

    /**
     * Returns the path with the query appended, as CloudFront sends it to the origin.
     *
     * @return {@code uri} or {@code uri?querystring}
     */
    public String pathAndQuery() {
        return querystring.isEmpty() ? uri : uri + "?" + querystring;
    }

    /**
     * Returns a copy with another path.
     *
     * @param newUri the new path
     * @return the copy
     */
    public EdgeRequest withUri(String newUri) {
        return new EdgeRequest(clientIp, method, newUri, querystring, headers, origin, originHeaders);
    }

    /**
     * Returns a copy with a header set to a single value, replacing any values it had. For names set on
     * every request, keep a {@link HeaderNames} constant and use {@link #withHeaders} instead.
     *
     * @param key   the header name as it should be sent; the map key is its lower-case form
     * @param value the value
     * @return the copy
     * @throws NullPointerException     when the key or the value is null
     * @throws IllegalArgumentException when the key is empty
     */
    public EdgeRequest withHeader(String key, String value) {
        return withHeaders(HeaderNames.of(key), value);
    }

    /**
     * Returns a copy with several headers set at once, each to a single value, replacing any values they
     * had; cheaper than chaining {@link #withHeader} when marking a request.
     *
     * @param names  the headers to set
     * @param values one value per name, in the same order
     * @return the copy
     * @throws IllegalArgumentException when there is not one value per name
     * @throws NullPointerException     when a value is null
     */
    public EdgeRequest withHeaders(HeaderNames names, String... values) {
        return new EdgeRequest(clientIp, method, uri, querystring, withValues(names, values), origin, originHeaders);
    }

    private FrozenHeaders withValues(HeaderNames names, String[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " header names but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], names.key(i));
        }
        return ((FrozenHeaders) headers).with(names, values);
    }

    /**
     * Returns a copy without the headers whose lower-case name starts with a prefix.
     *
     * @param lowerPrefix the prefix in lower case, e.g. {@code x-rendergate-}
     * @return the copy, or this request when no header matches
     */
    public EdgeRequest withoutHeadersStartingWith(String lowerPrefix) {
        FrozenHeaders kept = ((FrozenHeaders) headers).withoutNamesStartingWith(lowerPrefix);
        return kept == headers ? this : new EdgeRequest(clientIp, method, uri, querystring, kept, origin, originHeaders);
    }

    /**
     * Returns a copy with another path, origin and headers in one step.
     *
     * @param newUri    the new path
     * @param newOrigin the custom origin, or null for the configured one
     * @param names     headers to set, each to a single value
     * @param values    one value per name, in the same order
     * @return the copy
     * @throws IllegalArgumentException when there is not one value per name
     * @throws NullPointerException     when a value is null
     */
    public EdgeRequest routedTo(String newUri, EdgeOrigin newOrigin, HeaderNames names, String... values) {
        return new EdgeRequest(clientIp, method, newUri, querystring, withValues(names, values), newOrigin,
                originHeaders);
    }

    /**
     * Returns a copy without a header.
     *
     * @param lowerName the header name in lower case
     * @return the copy, or this request when the header is absent
     */
    public EdgeRequest withoutHeader(String lowerName) {
        if (!headers.containsKey(lowerName)) {
            return this;
        }
        LinkedHashMap<String, List<EdgeHeader>> copy = new LinkedHashMap<>(headers);
        copy.remove(lowerName);
        return new EdgeRequest(clientIp, method, uri, querystring, HeaderMap.adopt(copy), origin, originHeaders);
    }
}
