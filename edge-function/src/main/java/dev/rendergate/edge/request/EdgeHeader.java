package dev.rendergate.edge.request;

import java.util.Objects;

/**
 * One header value as CloudFront carries it: the header name as sent ({@code key}) and its value.
 *
 * @param key   the header name with its original spelling, e.g. {@code User-Agent}
 * @param value the value, never null
 */
public record EdgeHeader(String key, String value) {

    /** Rejects nulls so that every consumer can rely on both parts. */
    public EdgeHeader {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
