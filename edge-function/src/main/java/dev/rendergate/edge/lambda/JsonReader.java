package dev.rendergate.edge.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * A small strict JSON parser producing plain values: {@link JsonObject} (a {@code Map<String, Object>}, insertion-ordered),
 * {@code List<Object>}, {@code String}, {@link JsonNumber}, {@code Boolean} and {@code null}.
 *
 * <p>Hand-written because the Lambda@Edge build is compiled to JavaScript, where reflection-based
 * mappers do not work. Nesting is bounded so that a hostile document cannot exhaust the stack.
 */
final class JsonReader {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON document.
     *
     * @throws MalformedEventException when the text is not a single valid JSON value
     */
    static Object parse(String text) {
        if (text == null) {
            throw new MalformedEventException("no JSON text");
        }
        JsonReader reader = new JsonReader(text);
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("trailing characters");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private JsonObject object(int depth) {
        JsonObject object = new JsonObject();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            object.put(name, value(depth + 1));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            array.add(value(depth + 1));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                return array;
            }
            if (next != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        position++;
        StringBuilder out = null;
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                String tail = text.substring(start, position);
                position++;
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, start, position);
                out.append(escape());
                start = position;
            } else {
                position++;
            }
        }
        throw error("unterminated string");
    }

    private char escape() {
        if (position + 1 >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(position + 1);
        position += 2;
        switch (c) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                throw error("bad escape");
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("short unicode escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw error("bad unicode escape");
            }
            code = code * 16 + digit;
        }
        position += 4;
        return (char) code;
    }

    private JsonNumber number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && text.charAt(position - digits) == '0')) {
            throw error("bad number");
        }
        if (peek() == '.') {
            position++;
            if (digits() == 0) {
                throw error("bad fraction");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (digits() == 0) {
                throw error("bad exponent");
            }
        }
        return new JsonNumber(text.substring(start, position));
    }

    private int digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position - start;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("bad literal");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected " + c);
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private MalformedEventException error(String what) {
        return new MalformedEventException("malformed JSON at offset " + position + ": " + what);
    }
}
