package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;
import java.util.Objects;

/**
 * A fixed list of headers the edge sets: each name as it is sent (its {@code key}) and as a header map
 * keys it (lower case), both computed once. A request then sets them from an array of values, one per
 * name, without lower-casing a name per event; the JavaScript build also writes each value straight into
 * the event's header object, without a header object per value. Keep such lists in constants: making one
 * costs more than setting its headers.
 */
public final class HeaderNames {

    private final String[] keys;
    private final String[] lowerNames;

    private HeaderNames(String[] keys) {
        this.keys = keys.clone();
        this.lowerNames = new String[this.keys.length];
        for (int i = 0; i < this.keys.length; i++) {
            String key = Objects.requireNonNull(this.keys[i], "header name " + i);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("header name " + i + " is empty");
            }
            lowerNames[i] = AsciiCase.lower(key);
        }
    }

    /**
     * @param keys the header names as they should be sent, e.g. {@code X-Rendergate-Bot}
     * @return the list, in that order; later changes to {@code keys} do not reach it
     * @throws NullPointerException     when a name is null
     * @throws IllegalArgumentException when a name is empty
     */
    public static HeaderNames of(String... keys) {
        return new HeaderNames(keys);
    }

    /** @return the number of names */
    public int size() {
        return keys.length;
    }

    /** @return the name at {@code index} as it is sent */
    public String key(int index) {
        return keys[index];
    }

    /** @return the name at {@code index} in lower case, the header map's key */
    public String lowerName(int index) {
        return lowerNames[index];
    }
}
