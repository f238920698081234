package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.lambda.MalformedEventException;
import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.EdgeOrigin;
import dev.rendergate.edge.request.EdgeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * CloudFront's request event as the node runtime hands it to the handler: an already parsed object.
 *
 * <p>Reading the members the edge logic needs straight from that object, and answering with a shallow
 * copy of the request in which only the decided members are replaced, skips JSON text in both
 * directions; text was most of the per-event cost. Headers already in canonical form are read in place
 * ({@link JsHeaderMap}). The result equals what the JVM writes for the same
 * event ({@code CloudFrontRequestJson}): the same members read, with the same fallbacks, and the same
 * members replaced. The conformance test compares the two byte for byte.
 */
final class JsRequestEvent {

    private JsRequestEvent() {
    }

    /**
     * @param event the event object, whose shape {@link #requestOf} has checked
     * @return its {@code Records[0].cf.config.eventType}, or empty when it has none
     */
    static String eventType(JSObject event) {
        return eventTypeOf(event);
    }

    /**
     * @param event the event object
     * @return {@code Records[0].cf.request}
     * @throws MalformedEventException when the event has no request object where CloudFront puts it
     */
    static JSObject requestOf(JSObject event) {
        String problem = shapeProblem(event);
        if (problem != null) {
            throw new MalformedEventException(problem);
        }
        return request(event);
    }

    /** The request as the edge logic reads it: headers keyed by their ASCII-lower-cased names. */
    static EdgeRequest toEdgeRequest(JSObject request) {
        JSObject json = member(request, "headers");
        Map<String, List<EdgeHeader>> headers = JsHeaderMap.over(json);
        if (headers == null) {
            headers = headers(json);
        }
        return new EdgeRequest(text(request, "clientIp"), text(request, "method"), text(request, "uri"),
                text(request, "querystring"), headers, origin(request), originHeaders(request));
    }

    /**
     * The request to hand back to CloudFront: a shallow copy of {@code request} with the URI, query and
     * headers of {@code after}, and its origin when the logic chose another one.
     */
    static JSObject result(JSObject request, EdgeRequest before, EdgeRequest after) {
        // Headers read in place from a canonical object: that object, or the copy the logic's changes made.
        JSObject headers = after.headers() instanceof JsHeaderMap
                ? ((JsHeaderMap) after.headers()).toJs()
                : headersObject(after.headers());
        JSObject origin = after.origin() != null && after.origin() != before.origin() ? originObject(after.origin()) : null;
        return copyWith(request, after.uri(), after.querystring(), headers, origin);
    }

    /** The general conversion, normalising names, items and values as the JVM reads them. */
    private static LinkedHashMap<String, List<EdgeHeader>> headers(JSObject json) {
        LinkedHashMap<String, List<EdgeHeader>> headers = new LinkedHashMap<>();
        // name, count, then count (key, value) pairs, for every member whose value is an array
        String[] flat = flatHeaders(json);
        int i = 0;
        while (i < flat.length) {
            String name = AsciiCase.lower(flat[i]);
            int count = Integer.parseInt(flat[i + 1]);
            i += 2;
            EdgeHeader[] values = new EdgeHeader[count];
            for (int v = 0; v < count; v++, i += 2) {
                values[v] = new EdgeHeader(flat[i] == null ? name : flat[i], flat[i + 1]);
            }
            List<EdgeHeader> earlier = headers.get(name);
            headers.put(name, earlier == null ? List.of(values) : concat(earlier, values));
        }
        return headers;
    }

    /** Two members that differ only in case share one lower-case name, as on the JVM. */
    private static List<EdgeHeader> concat(List<EdgeHeader> earlier, EdgeHeader[] more) {
        List<EdgeHeader> all = new ArrayList<>(earlier);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private static EdgeOrigin origin(JSObject request) {
        JSObject custom = customOrigin(request);
        if (custom == null) {
            return null;
        }
        Map<String, String> customHeaders = new LinkedHashMap<>();
        for (List<EdgeHeader> values : headers(member(custom, "customHeaders")).values()) {
            if (!values.isEmpty()) {
                customHeaders.put(values.get(0).key(), values.get(0).value());
            }
        }
        return new EdgeOrigin(text(custom, "domainName"), number(custom, "port", 443), text(custom, "protocol"),
                text(custom, "path"), number(custom, "readTimeout", 30), customHeaders);
    }

    /** The first value of each custom header of the request's origin, custom or S3, by lower-case name. */
    private static Map<String, String> originHeaders(JSObject request) {
        JSObject customHeaders = originCustomHeaders(request);
        if (customHeaders == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeHeader>> entry : headers(customHeaders).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                values.put(entry.getKey(), entry.getValue().get(0).value());
            }
        }
        return values;
    }

    private static JSObject headersObject(Map<String, List<EdgeHeader>> headers) {
        JSObject object = newObject();
        putHeaders(object, headers);
        return object;
    }

    /** Sets each header on a CloudFront header object as its array of {@code {key, value}} items. */
    private static void putHeaders(JSObject object, Map<String, List<EdgeHeader>> headers) {
        for (Map.Entry<String, List<EdgeHeader>> entry : headers.entrySet()) {
            List<EdgeHeader> list = entry.getValue();
            if (list.size() == 1) {
                putHeader(object, entry.getKey(), list.get(0).key(), list.get(0).value());
                continue;
            }
            JSObject values = newArray();
            for (EdgeHeader header : list) {
                pushHeader(values, header.key(), header.value());
            }
            setMember(object, entry.getKey(), values);
        }
    }

    /**
     * Sets one header to a single value: {@code object[name] = [{key, value}]}. The array is made whole, as
     * a literal: pushing onto an empty array makes the engine reserve room for many more items, which made
     * the arrays of a marked request most of the memory its event allocated.
     */
    static void putHeader(JSObject object, String name, String key, String value) {
        setMember(object, name, singleHeader(key, value));
    }

    private static JSObject originObject(EdgeOrigin origin) {
        JSObject customHeaders = newObject();
        for (Map.Entry<String, String> entry : origin.customHeaders().entrySet()) {
            putHeader(customHeaders, AsciiCase.lower(entry.getKey()), entry.getKey(), entry.getValue());
        }
        return customOriginObject(customHeaders, origin.domainName(), EdgeOrigin.KEEPALIVE_TIMEOUT_SECONDS,
                origin.path(), origin.port(), origin.protocol(), origin.readTimeoutSeconds(), EdgeOrigin.SSL_PROTOCOL);
    }

    @JSBody(params = "event", script = "var c = event.Records[0].cf.config;"
            + "return c !== null && typeof c === 'object' && typeof c.eventType === 'string' ? c.eventType : '';")
    private static native String eventTypeOf(JSObject event);

    /**
     * The same checks, in the same order and with the same messages, as the JVM's JSON path. Written out
     * without a helper function, which would be a closure allocated per event.
     */
    @JSBody(params = "event", script = ""
            + "if (event === null || typeof event !== 'object' || Array.isArray(event)) {"
            + "  return 'event is not an object';"
            + "}"
            + "var r = event.Records;"
            + "if (!Array.isArray(r)) return 'Records is not an array';"
            + "if (r.length === 0) return 'Records is empty';"
            + "var v = r[0];"
            + "if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'Records[0] is not an object';"
            + "v = v.cf;"
            + "if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'cf is not an object';"
            + "v = v.request;"
            + "if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'cf.request is not an object';"
            + "return null;")
    private static native String shapeProblem(JSObject event);

    @JSBody(params = "event", script = "return event.Records[0].cf.request;")
    private static native JSObject request(JSObject event);

    @JSBody(params = {"object", "name"}, script = "var v = object[name]; return typeof v === 'string' ? v : '';")
    private static native String text(JSObject object, String name);

    @JSBody(params = {"object", "name"}, script = "var v = object[name];"
            + "return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;")
    private static native JSObject member(JSObject object, String name);

    /** Whole numbers in int range only, like the JVM's {@code Integer.parseInt} of the literal. */
    @JSBody(params = {"object", "name", "fallback"}, script = "var v = object[name];"
            + "return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : fallback;")
    private static native int number(JSObject object, String name, int fallback);

    @JSBody(params = "request", script = "var o = request.origin;"
            + "if (o === null || typeof o !== 'object' || Array.isArray(o)) return null;"
            + "var c = o.custom;"
            + "return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : null;")
    private static native JSObject customOrigin(JSObject request);

    /** {@code origin.custom.customHeaders}, else {@code origin.s3.customHeaders}, when it is an object. */
    @JSBody(params = "request", script = "var o = request.origin;"
            + "if (o === null || typeof o !== 'object' || Array.isArray(o)) return null;"
            + "var c = o.custom;"
            + "if (c === null || typeof c !== 'object' || Array.isArray(c)) c = o.s3;"
            + "if (c === null || typeof c !== 'object' || Array.isArray(c)) return null;"
            + "var h = c.customHeaders;"
            + "return h !== null && typeof h === 'object' && !Array.isArray(h) ? h : null;")
    private static native JSObject originCustomHeaders(JSObject request);

    /**
     * Flattens a CloudFront header object in one crossing: for every member whose value is an array,
     * its name, the number of object items, then each item's key (null when not a string) and value
     * (empty when not a string).
     */
    @JSBody(params = "headers", script = ""
            + "var out = [];"
            + "if (headers === null) return out;"
            + "for (var name in headers) {"
            + "  if (!Object.prototype.hasOwnProperty.call(headers, name)) continue;"
            + "  var items = headers[name];"
            + "  if (!Array.isArray(items)) continue;"
            + "  var at = out.length; out.push(name, '0');"
            + "  var count = 0;"
            + "  for (var i = 0; i < items.length; i++) {"
            + "    var h = items[i];"
            + "    if (h === null || typeof h !== 'object' || Array.isArray(h)) continue;"
            + "    out.push(typeof h.key === 'string' ? h.key : null, typeof h.value === 'string' ? h.value : '');"
            + "    count++;"
            + "  }"
            + "  out[at + 1] = String(count);"
            + "}"
            + "return out;")
    private static native String[] flatHeaders(JSObject headers);

    @JSBody(script = "return {};")
    private static native JSObject newObject();

    @JSBody(script = "return [];")
    private static native JSObject newArray();

    @JSBody(params = {"key", "value"}, script = "return [{key: key, value: value}];")
    private static native JSObject singleHeader(String key, String value);

    /**
     * A member called {@code __proto__} is defined, not assigned, since assignment would make the value the
     * object's prototype; every other name is assigned (defining is the slow path in V8).
     */
    @JSBody(params = {"object", "name", "value"}, script = ""
            + "if (name === '__proto__') {"
            + "  Object.defineProperty(object, name,"
            + "      {value: value, enumerable: true, writable: true, configurable: true});"
            + "} else {"
            + "  object[name] = value;"
            + "}")
    private static native void setMember(JSObject object, String name, JSObject value);

    @JSBody(params = {"array", "key", "value"}, script = "array.push({key: key, value: value});")
    private static native void pushHeader(JSObject array, String key, String value);


    @JSBody(params = {"customHeaders", "domainName", "keepaliveTimeout", "path", "port", "protocol", "readTimeout",
            "sslProtocol"}, script = "return {custom: {customHeaders: customHeaders, domainName: domainName,"
            + " keepaliveTimeout: keepaliveTimeout, path: path, port: port, protocol: protocol,"
            + " readTimeout: readTimeout, sslProtocols: [sslProtocol]}};")
    private static native JSObject customOriginObject(JSObject customHeaders, String domainName, int keepaliveTimeout,
            String path, int port, String protocol, int readTimeout, String sslProtocol);

    @JSBody(params = {"request", "uri", "querystring", "headers", "origin"}, script = ""
            + "var out = Object.assign({}, request);"
            + "out.uri = uri; out.querystring = querystring; out.headers = headers;"
            + "if (origin !== null) out.origin = origin;"
            + "return out;")
    private static native JSObject copyWith(JSObject request, String uri, String querystring, JSObject headers,
            JSObject origin);
}
