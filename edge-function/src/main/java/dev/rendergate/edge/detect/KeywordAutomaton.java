package dev.rendergate.edge.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over lower-case ASCII keywords that folds ASCII case while scanning, so one
 * pass over the raw User-Agent finds every keyword without allocating a lower-cased copy.
 *
 * <p>Characters that occur in no keyword share one class whose transitions all lead back to the root,
 * which keeps the dense transition table small. ASCII control characters are reported separately. A
 * keyword starting with {@code ^} is anchored at the start of the text: the scan begins by feeding a
 * virtual start-of-text character that only anchored keywords begin with; likewise a keyword ending
 * in {@code $} is anchored at the end through a virtual end-of-text character fed after the last one.
 */
final class KeywordAutomaton {

    private static final int CONTROL = -1;

    private final int[] classOf = new int[128];
    private final int startClass;
    private final int endClass;
    private final int classes;
    private final int startState;
    private final int[] delta;
    private final int[][] outputs;
    private final int keywordCount;

    KeywordAutomaton(List<String> keywords) {
        this.keywordCount = keywords.size();
        this.startClass = assignClasses(keywords);
        this.endClass = startClass + 1;
        this.classes = startClass + 2;
        List<int[]> gotos = new ArrayList<>();
        List<int[]> outs = new ArrayList<>();
        gotos.add(emptyRow());
        outs.add(null);
        for (int id = 0; id < keywords.size(); id++) {
            int state = 0;
            String keyword = keywords.get(id);
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                int cls = i == 0 && c == '^' ? startClass : i == keyword.length() - 1 && c == '$' ? endClass : classOf[c];
                if (gotos.get(state)[cls] <= 0) {
                    gotos.get(state)[cls] = gotos.size();
                    gotos.add(emptyRow());
                    outs.add(null);
                }
                state = gotos.get(state)[cls];
            }
            outs.set(state, append(outs.get(state), id));
        }
        this.delta = new int[gotos.size() * classes];
        this.outputs = outs.toArray(new int[0][]);
        link(gotos);
        this.startState = delta[startClass];
    }

    /** Number of keywords; hit bitsets are sized for it. */
    int keywordCount() {
        return keywordCount;
    }

    /**
     * Scans {@code text} and returns a bitset of keyword ids found, with one extra bit at index
     * {@link #keywordCount()} set when the text holds an ASCII control character.
     */
    long[] scan(String text) {
        long[] hits = new long[(keywordCount >>> 6) + 1];
        int[] table = delta;
        int[] classTable = classOf;
        int width = classes;
        int state = startState;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int cls = c < 128 ? classTable[c] : 0;
            if (cls == CONTROL) {
                hits[keywordCount >>> 6] |= 1L << keywordCount;
                state = 0;
                continue;
            }
            state = table[state * width + cls];
            int[] found = outputs[state];
            if (found != null) {
                for (int id : found) {
                    hits[id >>> 6] |= 1L << id;
                }
            }
        }
        int[] atEnd = outputs[table[state * width + endClass]];
        if (atEnd != null) {
            for (int id : atEnd) {
                hits[id >>> 6] |= 1L << id;
            }
        }
        return hits;
    }

    private int assignClasses(List<String> keywords) {
        int next = 1;
        for (String keyword : keywords) {
            int last = keyword.length() > 1 && keyword.endsWith("$") ? keyword.length() - 1 : keyword.length();
            for (int i = keyword.startsWith("^") ? 1 : 0; i < last; i++) {
                char c = keyword.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = next++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        for (int c = 0; c < 0x20; c++) {
            classOf[c] = CONTROL;
        }
        classOf[0x7f] = CONTROL;
        return next;
    }

    private int[] emptyRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /** Breadth-first: failure links become a dense transition table and outputs are merged along them. */
    private void link(List<int[]> gotos) {
        int[] fail = new int[gotos.size()];
        int[] queue = new int[gotos.size()];
        int head = 0;
        int tail = 0;
        for (int cls = 0; cls < classes; cls++) {
            int child = gotos.get(0)[cls];
            delta[cls] = Math.max(child, 0);
            if (child > 0) {
                fail[child] = 0;
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            outputs[state] = merge(outputs[state], outputs[fail[state]]);
            for (int cls = 0; cls < classes; cls++) {
                int child = gotos.get(state)[cls];
                if (child > 0) {
                    fail[child] = delta[fail[state] * classes + cls];
                    delta[state * classes + cls] = child;
                    queue[tail++] = child;
                } else {
                    delta[state * classes + cls] = delta[fail[state] * classes + cls];
                }
            }
        }
    }

    private static int[] append(int[] ids, int id) {
        if (ids == null) {
            return new int[] {id};
        }
        int[] grown = Arrays.copyOf(ids, ids.length + 1);
        grown[ids.length] = id;
        return grown;
    }

    private static int[] merge(int[] own, int[] inherited) {
        if (inherited == null) {
            return own;
        }
        int[] merged = own;
        for (int id : inherited) {
            merged = append(merged, id);
        }
        return merged;
    }
}
