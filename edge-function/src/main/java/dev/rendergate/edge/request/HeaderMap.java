package dev.rendergate.edge.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only, insertion-ordered header map an {@link EdgeRequest} holds.
 *
 * <p>A request built from another request's copy takes the map over without copying it again: the
 * {@code with...} methods build one private {@link LinkedHashMap} and hand it over here, which halves
 * the allocations per edge decision (they dominate the cost in the JavaScript build).
 */
final class HeaderMap extends FrozenHeaders {

    static final HeaderMap EMPTY = new HeaderMap(new LinkedHashMap<>());

    private final Map<String, List<EdgeHeader>> view;

    /** Takes ownership of {@code owned}: the caller must not keep or change it; its lists must be immutable. */
    private HeaderMap(LinkedHashMap<String, List<EdgeHeader>> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    static HeaderMap adopt(LinkedHashMap<String, List<EdgeHeader>> owned) {
        return owned.isEmpty() ? EMPTY : new HeaderMap(owned);
    }

    /** Keeps a {@link FrozenHeaders} map as it is; copies any other map, freezing its value lists. */
    static FrozenHeaders copyOf(Map<String, List<EdgeHeader>> source) {
        if (source instanceof FrozenHeaders) {
            return (FrozenHeaders) source;
        }
        if (source == null || source.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, List<EdgeHeader>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeHeader>> entry : source.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException("header name");
            }
            copy.put(entry.getKey(), entry.getValue() == null ? List.of() : List.copyOf(entry.getValue()));
        }
        return new HeaderMap(copy);
    }

    @Override
    public FrozenHeaders with(HeaderNames names, String[] values) {
        LinkedHashMap<String, List<EdgeHeader>> copy = new LinkedHashMap<>(view);
        for (int i = 0; i < names.size(); i++) {
            copy.put(names.lowerName(i), List.of(new EdgeHeader(names.key(i), values[i])));
        }
        return adopt(copy);
    }

    @Override
    public List<EdgeHeader> get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public Set<Entry<String, List<EdgeHeader>>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }
}
