package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.FrozenHeaders;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The request's headers read in place from the event's own header object, for events whose header object
 * is already in the form the edge would write back (see {@link #isCanonical}). Only the headers the logic
 * asks for become Java values. Headers the logic sets are kept beside the object ({@link #with}), so the
 * result is the event's object as it is, or a shallow copy of it with just those members replaced: no
 * request converts its other headers. The event object is never modified.
 */
final class JsHeaderMap extends AbstractMap<String, List<EdgeHeader>> implements FrozenHeaders {

    private static final String[] NO_NAMES = {};
    private static final EdgeHeader[] NO_HEADERS = {};

    private final JSObject headers;
    /**
     * Headers set by the logic, each to one value, in the order they were first set: their lower-case names
     * and the headers. A few at most, so plain arrays, searched in order.
     */
    private final String[] setNames;
    private final EdgeHeader[] setHeaders;
    private String[] names;

    private JsHeaderMap(JSObject headers, String[] setNames, EdgeHeader[] setHeaders) {
        this.headers = headers;
        this.setNames = setNames;
        this.setHeaders = setHeaders;
    }

    /**
     * @param headers the event's header object
     * @return a view of it, or null when it is not canonical and must be converted as a whole
     */
    static JsHeaderMap over(JSObject headers) {
        return isCanonical(headers) ? new JsHeaderMap(headers, NO_NAMES, NO_HEADERS) : null;
    }

    /** @return the header object to hand back: the event's own, or a copy with the set headers replaced */
    JSObject toJs() {
        if (setNames.length == 0) {
            return headers;
        }
        JSObject copy = shallowCopy(headers);
        for (int i = 0; i < setNames.length; i++) {
            JsRequestEvent.putHeader(copy, setNames[i], setHeaders[i]);
        }
        return copy;
    }

    @Override
    public FrozenHeaders with(String[] lowerNames, List<EdgeHeader> values) {
        // Filled by hand: compiled to JavaScript, Arrays.copyOf goes through reflection.
        String[] moreNames = new String[setNames.length + lowerNames.length];
        EdgeHeader[] moreHeaders = new EdgeHeader[moreNames.length];
        int count = 0;
        for (; count < setNames.length; count++) {
            moreNames[count] = setNames[count];
            moreHeaders[count] = setHeaders[count];
        }
        for (int i = 0; i < lowerNames.length; i++) {
            int at = indexOf(moreNames, count, lowerNames[i]);
            if (at < 0) {
                at = count++;
                moreNames[at] = lowerNames[i];
            }
            moreHeaders[at] = values.get(i);
        }
        if (count < moreNames.length) {
            moreNames = Arrays.copyOf(moreNames, count);
            moreHeaders = Arrays.copyOf(moreHeaders, count);
        }
        return new JsHeaderMap(headers, moreNames, moreHeaders);
    }

    /** The position of {@code name} among the first {@code count} names, or -1. */
    private static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<EdgeHeader> get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        String name = (String) key;
        int own = indexOf(setNames, setNames.length, name);
        if (own >= 0) {
            return List.of(setHeaders[own]);
        }
        int count = count(headers, name);
        if (count < 0) {
            return null;
        }
        if (count == 1) {
            return List.of(new EdgeHeader(key(headers, name, 0), value(headers, name, 0)));
        }
        EdgeHeader[] values = new EdgeHeader[count];
        for (int i = 0; i < count; i++) {
            values[i] = new EdgeHeader(key(headers, name, i), value(headers, name, i));
        }
        return List.of(values);
    }

    @Override
    public String firstValue(String lowerName) {
        int own = indexOf(setNames, setNames.length, lowerName);
        if (own >= 0) {
            return setHeaders[own].value();
        }
        return firstValue(headers, lowerName);
    }

    /** Names in a canonical object are lower case already, so only a name with the prefix costs a copy. */
    @Override
    public FrozenHeaders withoutNamesStartingWith(String lowerPrefix) {
        if (!anyNameStartsWith(headers, lowerPrefix)) {
            boolean setWithPrefix = false;
            for (String name : setNames) {
                setWithPrefix |= name.startsWith(lowerPrefix);
            }
            if (!setWithPrefix) {
                return this;
            }
        }
        return FrozenHeaders.super.withoutNamesStartingWith(lowerPrefix);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String
                && (indexOf(setNames, setNames.length, (String) key) >= 0 || count(headers, (String) key) >= 0);
    }

    @Override
    public int size() {
        return names().length;
    }

    @Override
    public Set<String> keySet() {
        return new Names<>(names(), Function.identity());
    }

    @Override
    public Set<Entry<String, List<EdgeHeader>>> entrySet() {
        return new Names<>(names(), name -> new SimpleImmutableEntry<>(name, get(name)));
    }

    /** A read-only set over the header names, each seen through {@code view}. */
    private static final class Names<T> extends AbstractSet<T> {
        private final String[] names;
        private final Function<String, T> view;

        Names(String[] names, Function<String, T> view) {
            this.names = names;
            this.view = view;
        }

        @Override
        public Iterator<T> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < names.length;
                }

                @Override
                public T next() {
                    if (next >= names.length) {
                        throw new NoSuchElementException();
                    }
                    return view.apply(names[next++]);
                }
            };
        }

        @Override
        public int size() {
            return names.length;
        }
    }

    /** The object's names, then the names the logic added, as a LinkedHashMap would order them. */
    private String[] names() {
        if (names == null) {
            String[] own = keys(headers);
            List<String> added = new ArrayList<>();
            for (String name : setNames) {
                if (count(headers, name) < 0) {
                    added.add(name);
                }
            }
            names = Arrays.copyOf(own, own.length + added.size());
            for (int i = 0; i < added.size(); i++) {
                names[own.length + i] = added.get(i);
            }
        }
        return names;
    }

    /**
     * Whether the object is exactly what the edge would write back: an object whose every member has an
     * ASCII-lower-case name and an array of {@code {key, value}} objects with two string members and
     * nothing else. Anything else goes through the general conversion, which normalises it as the JVM does.
     */
    @JSBody(params = "headers", script = ""
            + "if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return false;"
            + "var own = Object.prototype.hasOwnProperty;"
            + "for (var name in headers) {"
            + "  if (!own.call(headers, name)) continue;"
            + "  for (var c = 0; c < name.length; c++) {"
            + "    var code = name.charCodeAt(c);"
            + "    if (code >= 65 && code <= 90) return false;"
            + "  }"
            + "  var items = headers[name];"
            + "  if (!Array.isArray(items)) return false;"
            + "  for (var i = 0; i < items.length; i++) {"
            + "    var h = items[i];"
            + "    if (h === null || typeof h !== 'object' || Array.isArray(h)"
            + "        || typeof h.key !== 'string' || typeof h.value !== 'string') return false;"
            + "    var members = 0;"
            + "    for (var m in h) { if (own.call(h, m)) members++; }"
            + "    if (members !== 2) return false;"
            + "  }"
            + "}"
            + "return true;")
    private static native boolean isCanonical(JSObject headers);

    /**
     * With a header called {@code __proto__}, member by member with defineProperty, so it is copied as a
     * header rather than becoming the copy's prototype; otherwise the fast {@code Object.assign}.
     */
    @JSBody(params = "headers", script = ""
            + "if (!Object.prototype.hasOwnProperty.call(headers, '__proto__')) return Object.assign({}, headers);"
            + "var copy = {}; var names = Object.keys(headers);"
            + "for (var i = 0; i < names.length; i++) {"
            + "  Object.defineProperty(copy, names[i],"
            + "      {value: headers[names[i]], enumerable: true, writable: true, configurable: true});"
            + "}"
            + "return copy;")
    private static native JSObject shallowCopy(JSObject headers);

    @JSBody(params = "headers", script = "return Object.keys(headers);")
    private static native String[] keys(JSObject headers);

    /** The number of values of a header, or -1 when it is absent. */
    @JSBody(params = {"headers", "name"}, script = "return Object.prototype.hasOwnProperty.call(headers, name)"
            + " ? headers[name].length : -1;")
    private static native int count(JSObject headers, String name);

    /** The first item's value of an own member, or null; the object is canonical, so items are {key, value}. */
    @JSBody(params = {"headers", "name"}, script = "if (!Object.prototype.hasOwnProperty.call(headers, name)) return null;"
            + "var items = headers[name]; return items.length > 0 ? items[0].value : null;")
    private static native String firstValue(JSObject headers, String name);

    @JSBody(params = {"headers", "prefix"}, script = "for (var name in headers) {"
            + "  if (Object.prototype.hasOwnProperty.call(headers, name) && name.startsWith(prefix)) return true;"
            + "}"
            + "return false;")
    private static native boolean anyNameStartsWith(JSObject headers, String prefix);

    @JSBody(params = {"headers", "name", "index"}, script = "return headers[name][index].key;")
    private static native String key(JSObject headers, String name, int index);

    @JSBody(params = {"headers", "name", "index"}, script = "return headers[name][index].value;")
    private static native String value(JSObject headers, String name, int index);
}
