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
        return new RegexMatcher(Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    /** A named class, not a lambda, to keep lambda bootstrap out of the classifier's start-up. */
    private static final class RegexMatcher implements UaMatcher {
        private final Pattern pattern;

        RegexMatcher(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public boolean find(String input) {
            return pattern.matcher(input).find();
        }
    }
}
