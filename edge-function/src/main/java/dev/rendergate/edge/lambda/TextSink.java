package dev.rendergate.edge.lambda;

import java.util.function.Supplier;

/**
 * Where the JSON writer puts its text. The JVM uses a {@link StringBuilder}; the JavaScript build
 * passes a sink that concatenates native strings, because TeaVM's emulated {@code StringBuilder} copies
 * every character through an array and dominated the per-event cost there.
 */
public interface TextSink {

    /**
     * Appends text.
     *
     * @param text the text
     */
    void append(String text);

    /** @return everything appended so far */
    String text();

    /**
     * Finds the first character the JSON writer must escape: a control character, {@code "}, a
     * backslash, or anything outside printable ASCII.
     *
     * @param text the text to scan
     * @return its index, or -1 when the text can be written as it is
     */
    default int firstEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fresh {@link #builder()} sinks; an anonymous class rather than a method reference, because the
     * first lambda bootstrap costs a cold JVM tens of milliseconds.
     */
    Supplier<TextSink> BUILDERS = new Supplier<>() {
        @Override
        public TextSink get() {
            return builder();
        }
    };

    /** @return a sink backed by a {@link StringBuilder} */
    static TextSink builder() {
        return new TextSink() {
            private final StringBuilder out = new StringBuilder(2048);

            @Override
            public void append(String text) {
                out.append(text);
            }

            @Override
            public String text() {
                return out.toString();
            }
        };
    }
}
