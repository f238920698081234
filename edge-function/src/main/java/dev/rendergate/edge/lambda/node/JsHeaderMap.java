package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.FrozenHeaders;
import dev.rendergate.edge.request.HeaderNames;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The request's headers read in place from a CloudFront header object in the form the edge would write
 * back (see {@link #isCanonical}). Only the headers the logic asks for become Java values. Setting or
 * removing headers makes a shallow copy of the object with just those members changed, so the result is
 * the event's own object or such a copy: no request converts its other headers, and the event object is
 * never modified.
 */
final class JsHeaderMap extends FrozenHeaders {

    /** Canonical, and never changed once this map holds it. */
    private final JSObject headers;
    private String[] names;

    private JsHeaderMap(JSObject headers) {
        this.headers = headers;
    }

    /**
     * @param headers the event's header object
     * @return a view of it, or null when it is not canonical and must be converted as a whole
     */
    static JsHeaderMap over(JSObject headers) {
        return isCanonical(headers) ? new JsHeaderMap(headers) : null;
    }

    /** @return the header object to hand back: the event's own, or the copy the logic's changes made */
    JSObject toJs() {
        return headers;
    }

    /** A JavaScript object keeps an existing member in its place when it is set again, as this method must. */
    @Override
    public FrozenHeaders with(HeaderNames names, String[] values) {
        JSObject copy = copyExcept(headers, null);
        for (int i = 0; i < names.size(); i++) {
            JsRequestEvent.putHeader(copy, names.lowerName(i), names.key(i), values[i]);
        }
        return new JsHeaderMap(copy);
    }

    /** Names in a canonical object are lower case already, so they are compared as they are. */
    @Override
    public FrozenHeaders withoutNamesStartingWith(String lowerPrefix) {
        return anyNameStartsWith(headers, lowerPrefix) ? new JsHeaderMap(copyExcept(headers, lowerPrefix)) : this;
    }

    @Override
    public List<EdgeHeader> get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        String name = (String) key;
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
        return firstValue(headers, lowerName);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && count(headers, (String) key) >= 0;
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

    private String[] names() {
        if (names == null) {
            names = keys(headers);
        }
        return names;
    }

    /**
     * Whether the object is exactly what the edge would write back: an object whose every member has a
     * lower-case name and an array of {@code {key, value}} objects with two string members and
     * nothing else. Anything else goes through the general conversion, which normalises it as the JVM does.
     * A name is checked with the engine's {@code toLowerCase}, which is faster than a loop over its
     * characters: it refuses more names than ASCII lower-casing would (any upper-case letter), and those
     * take the general conversion.
     */
    @JSBody(params = "headers", script = ""
            + "if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return false;"
            + "var own = Object.prototype.hasOwnProperty;"
            + "for (var name in headers) {"
            + "  if (!own.call(headers, name)) continue;"
            + "  if (name.toLowerCase() !== name) return false;"
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
     * A copy of the object without the members whose names start with {@code prefix} (null: a copy of
     * all). Members are assigned, or, when the object has a header called {@code __proto__}, defined one
     * by one so that it stays a header instead of becoming the copy's prototype (defining is the slow path
     * in V8).
     */
    @JSBody(params = {"headers", "prefix"}, script = ""
            + "var define = Object.prototype.hasOwnProperty.call(headers, '__proto__');"
            + "if (prefix === null && !define) return Object.assign({}, headers);"
            + "var copy = {}; var names = Object.keys(headers);"
            + "for (var i = 0; i < names.length; i++) {"
            + "  if (prefix !== null && names[i].startsWith(prefix)) continue;"
            + "  if (define) {"
            + "    Object.defineProperty(copy, names[i],"
            + "        {value: headers[names[i]], enumerable: true, writable: true, configurable: true});"
            + "  } else {"
            + "    copy[names[i]] = headers[names[i]];"
            + "  }"
            + "}"
            + "return copy;")
    private static native JSObject copyExcept(JSObject headers, String prefix);

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

    /** Walks the names without {@code Object.keys}, which would allocate an array of them per event. */
    @JSBody(params = {"headers", "prefix"}, script = "var own = Object.prototype.hasOwnProperty;"
            + "for (var name in headers) { if (own.call(headers, name) && name.startsWith(prefix)) return true; }"
            + "return false;")
    private static native boolean anyNameStartsWith(JSObject headers, String prefix);

    @JSBody(params = {"headers", "name", "index"}, script = "return headers[name][index].key;")
    private static native String key(JSObject headers, String name, int index);

    @JSBody(params = {"headers", "name", "index"}, script = "return headers[name][index].value;")
    private static native String value(JSObject headers, String name, int index);
}
