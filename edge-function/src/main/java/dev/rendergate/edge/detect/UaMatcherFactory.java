package dev.rendergate.edge.detect;

/**
 * Compiles rule patterns for one regex engine: {@code java.util.regex} on the JVM, V8's {@code RegExp}
 * in the JavaScript build.
 *
 * <p>Patterns stay in the subset both engines read the same way: no possessive quantifiers, no atomic
 * groups, no inline flags, no lookbehind, no {@code \Z}/{@code \A}; case-insensitivity is the separate
 * {@code ignoreCase} flag. Rule patterns are written against the lower-cased User-Agent.
 */
@FunctionalInterface
public interface UaMatcherFactory {

    /** Compiles one pattern; an invalid pattern is a programming error and may throw. */
    UaMatcher compile(String pattern, boolean ignoreCase);
}
