package dev.rendergate.edge.detect;

import java.util.regex.Pattern;

/** The JVM's {@link UaMatcherFactory}, backed by {@code java.util.regex}. */
public final class JavaRegexMatcherFactory implements UaMatcherFactory {

    /** The shared instance; it holds no state. */
    public static final JavaRegexMatcherFactory INSTANCE = new JavaRegexMatcherFactory();

    private JavaRegexMatcherFactory() {
    }

    @Override
    public UaMatcher compile(String pattern, boolean ignoreCase) {
        // ASCII-only case folding matches JS RegExp's "i" flag without the "u" flag closely enough for UAs.
        Pattern compiled = Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return input -> compiled.matcher(input).find();
    }
}
