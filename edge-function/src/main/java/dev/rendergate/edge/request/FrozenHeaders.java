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

    /**
     * This map with headers set, each to a single value: a name already present keeps its place with the
     * new value, a new name comes last. This map itself does not change.
     *
     * @param lowerNames the lower-case name of each header, in the order of {@code headers}
     * @param headers    the headers to set
     * @return the new map
     */
    FrozenHeaders with(String[] lowerNames, List<EdgeHeader> headers);
}
