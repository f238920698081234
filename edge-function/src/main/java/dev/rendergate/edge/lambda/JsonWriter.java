package dev.rendergate.edge.lambda;

import dev.rendergate.edge.request.EdgeHeader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the values {@link JsonReader} produces as compact JSON with deterministic bytes: object keys
 * in sorted order and every character outside printable ASCII as a {@code \}{@code uXXXX} escape.
 *
 * <p>Sorting makes the output independent of how a map was built; ASCII-only output makes the JVM's
 * and Node's UTF-8 encoders irrelevant (they differ on lone surrogates).
 */
final class JsonWriter {

    private static final String[] ESCAPES = new String[128];

    static {
        String hex = "0123456789abcdef";
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = new String(new char[] {'\\', 'u', '0', '0', hex.charAt(c >> 4), hex.charAt(c & 0xf)});
        }
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES[0x7f] = "\\u007f";
    }

    private final StringBuilder out = new StringBuilder(2048);

    private JsonWriter() {
    }

    static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value);
        } else if (value instanceof JsonObject) {
            jsonObject((JsonObject) value);
        } else if (value instanceof Map) {
            object((Map<?, ?>) value);
        } else if (value instanceof List) {
            array((List<?>) value);
        } else if (value instanceof EdgeHeader) {
            EdgeHeader header = (EdgeHeader) value;
            out.append("{\"key\":");
            string(header.key());
            out.append(",\"value\":");
            string(header.value());
            out.append("}");
        } else if (value instanceof JsonNumber) {
            out.append(((JsonNumber) value).literal());
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue() ? "true" : "false");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private void object(Map<?, ?> object) {
        String[] keys = new String[object.size()];
        int count = 0;
        for (Object key : object.keySet()) {
            keys[count++] = (String) key;
        }
        members(keys, object);
    }

    private void jsonObject(JsonObject object) {
        String[] keys = new String[object.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = object.name(i);
        }
        members(keys, object);
    }

    /**
     * The members of a {@link Map} or a {@link JsonObject} in sorted key order, whatever order the object
     * kept them in. No lambda: the first one costs a cold JVM tens of milliseconds on the handler path.
     */
    private void members(String[] keys, Object object) {
        Arrays.sort(keys);
        out.append("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(",");
            }
            string(keys[i]);
            out.append(":");
            value(object instanceof JsonObject ? ((JsonObject) object).get(keys[i]) : ((Map<?, ?>) object).get(keys[i]));
        }
        out.append("}");
    }

    private void array(List<?> array) {
        out.append("[");
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(",");
            }
            value(array.get(i));
        }
        out.append("]");
    }

    /** Runs of plain characters go out as one append each; only the characters between them are escaped. */
    private void string(String text) {
        out.append('"');
        int length = text.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                out.append(text, run, i).append(c < 0x80 ? ESCAPES[c] : unicodeEscape(c));
                run = i + 1;
            }
        }
        out.append(text, run, length).append('"');
    }

    private static String unicodeEscape(char c) {
        String hex = Integer.toHexString(c);
        return "\\u" + "0000".substring(hex.length()) + hex;
    }
}
