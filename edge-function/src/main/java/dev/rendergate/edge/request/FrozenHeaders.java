package dev.rendergate.edge.request;

import java.util.List;
import java.util.Map;

/**
 * A header map whose maker guarantees that it never changes and that its value lists are immutable, so
 * an {@link EdgeRequest} keeps it as it is instead of copying it. Keys are lower-case header names. The
 * request's own maps are such maps; the JavaScript build implements one over the event's header object,
 * so a request that passes through with its headers unchanged never converts them.
 */
public interface FrozenHeaders extends Map<String, List<EdgeHeader>> {
}
