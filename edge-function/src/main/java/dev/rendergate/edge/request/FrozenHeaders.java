package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A header map whose maker guarantees that it never changes and that its value lists are immutable, so
 * an {@link EdgeRequest} keeps it as it is instead of copying it. Keys are lower-case header names. The
 * request's own maps are such maps; the JavaScript build has one over the event's header object,
 * so a request that passes through with its headers unchanged never converts them.
 *
 * <p>A class, not an interface: every request checks that its map is one, and compiled to JavaScript a
 * class test is the engine's own {@code instanceof}, where an interface test looks the class up in a map.
 */
public abstract class FrozenHeaders extends AbstractMap<String, List<EdgeHeader>> {

    /**
     * This map with headers set, each to a single value: a name already present keeps its place with the
     * new value, a new name comes last. This map itself does not change.
     *
     * @param names  the headers to set
     * @param values one value per name, in the same order, none null: {@link EdgeRequest#withHeaders} checks
     *               that before it calls this
     * @return the new map
     */
    public abstract FrozenHeaders with(HeaderNames names, String[] values);

    /**
     * The first value of a header, without building its value list: the edge reads single values on every
     * request.
     *
     * @param lowerName the header name in lower case
     * @return the first value, or null when the header is absent or has no values
     */
    public String firstValue(String lowerName) {
        List<EdgeHeader> values = get(lowerName);
        return values == null || values.isEmpty() ? null : values.get(0).value();
    }

    /**
     * This map without the headers whose lower-cased name starts with a prefix.
     *
     * @param lowerPrefix the prefix in lower case
     * @return the new map, or this map when no name starts with the prefix
     */
    public FrozenHeaders withoutNamesStartingWith(String lowerPrefix) {
        boolean any = false;
        for (String name : keySet()) {
            any |= AsciiCase.lower(name).startsWith(lowerPrefix);
        }
        if (!any) {
            return this;
        }
        LinkedHashMap<String, List<EdgeHeader>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeHeader>> entry : entrySet()) {
            if (!AsciiCase.lower(entry.getKey()).startsWith(lowerPrefix)) {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        return HeaderMap.adopt(kept);
    }
}
