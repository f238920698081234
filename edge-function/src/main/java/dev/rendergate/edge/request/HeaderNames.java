package dev.rendergate.edge.request;

import dev.rendergate.edge.detect.AsciiCase;

/**
 * A fixed list of headers the edge sets: each name as it is sent (its {@code key}) and as a header map
 * keys it (lower case), both computed once. A request then sets them from an array of values, one per
 * name, without lower-casing a name or building a header object per value on every event; in the
 * JavaScript build, those were most of the cost of marking a request.
 */
public final class HeaderNames {

    private final String[] keys;
    private final String[] lowerNames;

    private HeaderNames(String[] keys) {
        this.keys = keys.clone();
        this.lowerNames = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null || keys[i].isEmpty()) {
                throw new IllegalArgumentException("header name " + i + " is empty");
            }
            lowerNames[i] = AsciiCase.lower(keys[i]);
        }
    }

    /**
     * @param keys the header names as they should be sent, e.g. {@code X-Rendergate-Bot}
     * @return the list, in that order
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
