package dev.rendergate.edge.detect;

/** One compiled rule pattern; {@link #find} reports whether the pattern occurs anywhere in the input. */
@FunctionalInterface
public interface UaMatcher {

    /** Whether the pattern matches somewhere in {@code input} (search semantics, like JS {@code RegExp.test}). */
    boolean find(String input);
}
