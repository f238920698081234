package dev.rendergate.fuzz;

/** An input as a failure message shows it: non-printable and non-ASCII characters as {@code \\uXXXX}, long text cut. */
final class Escaped {

    private static final int SHOWN = 600;

    private Escaped() {
    }

    static String of(Object input) {
        String text = input instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(input);
        StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN) + 32).append('"');
        for (int i = 0; i < text.length() && i < SHOWN; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append('"');
        if (text.length() > SHOWN) {
            out.append(" (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
