package dev.rendergate.edge.lambda;

/**
 * A JSON number kept as its literal text, so that it is written back exactly as read on every engine.
 *
 * @param literal the number as it appeared in the document
 */
record JsonNumber(String literal) {

    static JsonNumber of(int value) {
        return new JsonNumber(Integer.toString(value));
    }

    /** @return the value as an int, or {@code fallback} when it is not a whole number in int range */
    int intValue(int fallback) {
        try {
            return Integer.parseInt(literal);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
