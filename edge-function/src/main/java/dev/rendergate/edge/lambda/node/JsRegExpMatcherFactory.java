package dev.rendergate.edge.lambda.node;

import dev.rendergate.edge.detect.UaMatcher;
import dev.rendergate.edge.detect.UaMatcherFactory;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Compiles rule patterns to V8 {@code RegExp} objects. TeaVM's emulated {@code java.util.regex} costs
 * hundreds of microseconds per match; the engine's own costs about one.
 */
final class JsRegExpMatcherFactory implements UaMatcherFactory {

    static final JsRegExpMatcherFactory INSTANCE = new JsRegExpMatcherFactory();

    private JsRegExpMatcherFactory() {
    }

    @Override
    public UaMatcher compile(String pattern, boolean ignoreCase) {
        JSObject regExp = newRegExp(pattern, ignoreCase ? "i" : "");
        return input -> test(regExp, input);
    }

    // No "g" flag: a global RegExp keeps lastIndex between calls and would alternate results.
    @JSBody(params = {"pattern", "flags"}, script = "return new RegExp(pattern, flags);")
    private static native JSObject newRegExp(String pattern, String flags);

    @JSBody(params = {"regExp", "input"}, script = "return regExp.test(input);")
    private static native boolean test(JSObject regExp, String input);
}
