package dev.rendergate.edge.lambda;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object as two parallel arrays in insertion order: the event's objects hold a handful of
 * members, where a linear scan beats hashing and a {@code LinkedHashMap}'s table and entries were the
 * bulk of the JS build's per-event garbage.
 */
final class JsonObject extends AbstractMap<String, Object> {

    private String[] names;
    private Object[] values;
    private int size;

    JsonObject() {
        this(4);
    }

    private JsonObject(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
    }

    JsonObject copy() {
        JsonObject copy = new JsonObject(Math.max(4, size + 2));
        System.arraycopy(names, 0, copy.names, 0, size);
        System.arraycopy(values, 0, copy.values, 0, size);
        copy.size = size;
        return copy;
    }

    String name(int index) {
        return names[index];
    }

    Object value(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(Object name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    /** Sets a member; a repeated name replaces the earlier value in its place, as JSON parsers do. */
    @Override
    public Object put(String name, Object value) {
        int index = indexOf(name);
        if (index >= 0) {
            Object previous = values[index];
            values[index] = value;
            return previous;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return null;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(names[index], values[index]);
                    }
                };
            }
        };
    }
}
