package dev.rendergate.edge.lambda;

import dev.rendergate.edge.detect.AsciiCase;
import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.EdgeOrigin;
import dev.rendergate.edge.request.EdgeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between CloudFront's request JSON ({@code Records[0].cf.request}) and {@link EdgeRequest}.
 *
 * <p>Writing back starts from the original JSON object, so members the edge does not model (a body,
 * an S3 origin) survive; only the URI, query, headers and, when the logic chose another one, the origin
 * are replaced.
 */
final class CloudFrontRequestJson {

    private CloudFrontRequestJson() {
    }

    /** Finds {@code Records[0].cf.request} in a parsed event. */
    static JsonObject requestOf(Object event) {
        List<Object> records = listOf(objectOf(event, "event").get("Records"), "Records");
        if (records.isEmpty()) {
            throw new MalformedEventException("Records is empty");
        }
        JsonObject cf = objectOf(objectOf(records.get(0), "Records[0]").get("cf"), "cf");
        return objectOf(cf.get("request"), "cf.request");
    }

    static EdgeRequest toEdgeRequest(JsonObject request) {
        return new EdgeRequest(text(request.get("clientIp")), text(request.get("method")), text(request.get("uri")),
                text(request.get("querystring")), headers(request.get("headers")), origin(request.get("origin")),
                originHeaders(request.get("origin")));
    }

    static JsonObject toJson(JsonObject original, EdgeRequest before, EdgeRequest after) {
        JsonObject request = original.copy();
        request.put("uri", after.uri());
        request.put("querystring", after.querystring());
        request.put("headers", headersJson(after.headers()));
        // Identity, not equals: the logic hands the parsed origin through untouched unless it reroutes.
        if (after.origin() != null && after.origin() != before.origin()) {
            request.put("origin", originJson(after.origin()));
        }
        return request;
    }

    private static Map<String, List<EdgeHeader>> headers(Object json) {
        Map<String, List<EdgeHeader>> headers = new LinkedHashMap<>();
        if (!(json instanceof JsonObject)) {
            return headers;
        }
        JsonObject object = (JsonObject) json;
        for (int i = 0; i < object.size(); i++) {
            String name = AsciiCase.lower(object.name(i));
            if (!(object.value(i) instanceof List)) {
                continue;
            }
            List<?> items = (List<?>) object.value(i);
            List<EdgeHeader> values = headers.get(name);
            if (values == null) {
                values = new ArrayList<>(items.size());
                headers.put(name, values);
            }
            for (Object item : items) {
                if (item instanceof JsonObject) {
                    JsonObject header = (JsonObject) item;
                    Object key = header.get("key");
                    values.add(new EdgeHeader(key instanceof String ? (String) key : name, text(header.get("value"))));
                }
            }
        }
        return headers;
    }

    private static EdgeOrigin origin(Object json) {
        if (!(json instanceof JsonObject) || !(((JsonObject) json).get("custom") instanceof JsonObject)) {
            return null;
        }
        JsonObject custom = (JsonObject) ((JsonObject) json).get("custom");
        Map<String, String> customHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeHeader>> entry : headers(custom.get("customHeaders")).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                customHeaders.put(entry.getValue().get(0).key(), entry.getValue().get(0).value());
            }
        }
        return new EdgeOrigin(text(custom.get("domainName")), number(custom.get("port"), 443),
                text(custom.get("protocol")), text(custom.get("path")), number(custom.get("readTimeout"), 30),
                customHeaders);
    }

    /** The first value of each custom header of the request's origin, custom or S3, by lower-case name. */
    private static Map<String, String> originHeaders(Object json) {
        if (!(json instanceof JsonObject)) {
            return Map.of();
        }
        Object origin = ((JsonObject) json).get("custom");
        if (!(origin instanceof JsonObject)) {
            origin = ((JsonObject) json).get("s3");
        }
        if (!(origin instanceof JsonObject)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<EdgeHeader>> entry : headers(((JsonObject) origin).get("customHeaders")).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                values.put(entry.getKey(), entry.getValue().get(0).value());
            }
        }
        return values;
    }

    /** The writer renders {@link EdgeHeader} as CloudFront's {@code {key, value}} pair. */
    private static Object headersJson(Map<String, List<EdgeHeader>> headers) {
        return headers;
    }

    private static JsonObject originJson(EdgeOrigin origin) {
        Map<String, List<EdgeHeader>> customHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : origin.customHeaders().entrySet()) {
            customHeaders.put(AsciiCase.lower(entry.getKey()), List.of(new EdgeHeader(entry.getKey(), entry.getValue())));
        }
        JsonObject custom = new JsonObject();
        custom.put("customHeaders", headersJson(customHeaders));
        custom.put("domainName", origin.domainName());
        custom.put("keepaliveTimeout", JsonNumber.of(EdgeOrigin.KEEPALIVE_TIMEOUT_SECONDS));
        custom.put("path", origin.path());
        custom.put("port", JsonNumber.of(origin.port()));
        custom.put("protocol", origin.protocol());
        custom.put("readTimeout", JsonNumber.of(origin.readTimeoutSeconds()));
        custom.put("sslProtocols", List.of(EdgeOrigin.SSL_PROTOCOL));
        JsonObject json = new JsonObject();
        json.put("custom", custom);
        return json;
    }

    private static JsonObject objectOf(Object json, String what) {
        if (!(json instanceof JsonObject)) {
            throw new MalformedEventException(what + " is not an object");
        }
        return (JsonObject) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object json, String what) {
        if (!(json instanceof List)) {
            throw new MalformedEventException(what + " is not an array");
        }
        return (List<Object>) json;
    }

    private static String text(Object json) {
        return json instanceof String ? (String) json : "";
    }

    private static int number(Object json, int fallback) {
        return json instanceof JsonNumber ? ((JsonNumber) json).intValue(fallback) : fallback;
    }
}
