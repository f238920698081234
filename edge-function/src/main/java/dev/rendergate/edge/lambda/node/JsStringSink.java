package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.lambda.TextSink;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** A {@link TextSink} that concatenates native JavaScript strings, which V8 joins lazily as ropes. */
final class JsStringSink implements TextSink {

    private JSObject text = empty();

    @Override
    public void append(String more) {
        text = concat(text, more);
    }

    @Override
    public String text() {
        return asString(text);
    }

    @Override
    public int firstEscape(String text) {
        return search(text);
    }

    @JSBody(params = "text", script = "return text.search(/[^\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]/);")
    private static native int search(String text);

    @JSBody(script = "return '';")
    private static native JSObject empty();

    @JSBody(params = {"text", "more"}, script = "return text + more;")
    private static native JSObject concat(JSObject text, String more);

    @JSBody(params = "text", script = "return text;")
    private static native String asString(JSObject text);
}
