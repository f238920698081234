package dev.rendergate.edge.detect;

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

    private final int[] classOf = new int[128];
    private final int startClass;
    private final int endClass;
    private final int classes;
    private final int shift;
    private final int controlClass;
    private final int startOffset;
    private final int[] jump;
    private final int[][] outputs;
    private final int keywordCount;
    private final char[][] tails;

    /**
     * Only the first symbols of a keyword become automaton states; a longer keyword's tail is compared
     * in place when its prefix is seen. Fewer states make a smaller table, which is most of start-up.
     */
    private static final int PREFIX = 8;

    KeywordAutomaton(List<String> keywords) {
        this.keywordCount = keywords.size();
        this.startClass = assignClasses(keywords);
        this.endClass = startClass + 1;
        this.controlClass = startClass + 2;
        // Rows are a power of two wide so a row offset turns back into a state with a shift.
        this.shift = 32 - Integer.numberOfLeadingZeros(startClass + 2);
        this.classes = 1 << shift;
        this.tails = new char[keywords.size()][];
        int maxStates = 1;
        for (String keyword : keywords) {
            maxStates += Math.min(keyword.length(), PREFIX);
        }
        // One flat table, with a spare row for the control state so it is never copied: while the trie
        // is built 0 means "no child" (the root is nobody's child).
        int[] table = new int[(maxStates + 1) * classes];
        int[][] outs = new int[maxStates][];
        int states = 1;
        for (int id = 0; id < keywords.size(); id++) {
            int state = 0;
            String keyword = keywords.get(id);
            int symbols = Math.min(keyword.length(), PREFIX);
            for (int i = 0; i < symbols; i++) {
                char c = keyword.charAt(i);
                int cls = i == 0 && c == '^' ? startClass : i == keyword.length() - 1 && c == '$' ? endClass : classOf[c];
                int slot = state * classes + cls;
                if (table[slot] == 0) {
                    table[slot] = states++;
                }
                state = table[slot];
            }
            if (keyword.length() > PREFIX) {
                tails[id] = keyword.substring(PREFIX).toCharArray();
                outs[state] = append(outs[state], ~id);
            } else {
                outs[state] = append(outs[state], id);
            }
        }
        // One extra state, entered on any control character: it reports the control bit and then
        // behaves like the root.
        int[] delta = table;
        this.outputs = Arrays.copyOf(outs, states + 1);
        link(delta, states);
        int control = states;
        System.arraycopy(delta, 0, delta, control * classes, classes);
        outputs[control] = new int[] {keywordCount};
        for (int state = 0; state <= control; state++) {
            delta[state * classes + controlClass] = control;
        }
        this.jump = jumpTable(delta, (control + 1) * classes);
        this.startOffset = jump[startClass] < 0 ? ~jump[startClass] : jump[startClass];
    }

    /**
     * The table the scan walks: entries are row offsets (state times width), complemented when the
     * target state reports keywords, so the hot loop does one load and no multiplication per character.
     */
    private int[] jumpTable(int[] delta, int length) {
        // Rewritten in place: start-up is dominated by passes over this table, so it is allocated once.
        for (int i = 0; i < length; i++) {
            int target = delta[i];
            delta[i] = outputs[target] == null ? target * classes : ~(target * classes);
        }
        return delta;
    }

    /** Number of keywords; hit bitsets are sized for it. */
    int keywordCount() {
        return keywordCount;
    }

    /**
     * Scans {@code text} and returns a bitset of keyword ids found, with one extra bit at index
     * {@link #keywordCount()} set when the text holds an ASCII control character.
     */
    int[] scan(String text) {
        int[] hits = new int[(keywordCount >>> 5) + 1];
        int[] table = jump;
        int[] classTable = classOf;
        int offset = startOffset;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int next = table[offset + (c < 128 ? classTable[c] : 0)];
            if (next < 0) {
                next = ~next;
                report(next, text, i + 1, hits);
            }
            offset = next;
        }
        int atEnd = table[offset + endClass];
        if (atEnd < 0) {
            report(~atEnd, text, n, hits);
        }
        return hits;
    }

    /** Records the keywords ending at {@code end}, checking the tails of long ones against the text. */
    private void report(int offset, String text, int end, int[] hits) {
        for (int id : outputs[offset >>> shift]) {
            if (id < 0) {
                id = ~id;
                if (!tailMatches(tails[id], text, end)) {
                    continue;
                }
            }
            hits[id >>> 5] |= 1 << id;
        }
    }

    private static boolean tailMatches(char[] tail, String text, int from) {
        int length = tail.length;
        boolean anchoredAtEnd = tail[length - 1] == '$';
        if (anchoredAtEnd) {
            length--;
        }
        if (from + length > text.length() || (anchoredAtEnd && from + length != text.length())) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != tail[i]) {
                return false;
            }
        }
        return true;
    }

    private int assignClasses(List<String> keywords) {
        int next = 1;
        for (String keyword : keywords) {
            int last = keyword.length() > 1 && keyword.endsWith("$") ? keyword.length() - 1 : keyword.length();
            for (int i = keyword.startsWith("^") ? 1 : 0; i < Math.min(last, PREFIX); i++) {
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
            classOf[c] = next + 2;
        }
        classOf[0x7f] = next + 2;
        return next;
    }

    /**
     * Breadth-first: failure links turn the trie into a dense transition table and outputs are merged
     * along them. A state's row is rewritten only when the state itself is dequeued, so until then a
     * non-zero entry is a trie child.
     */
    private void link(int[] delta, int states) {
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int cls = 0; cls < classes; cls++) {
            if (delta[cls] != 0) {
                queue[tail++] = delta[cls];
            }
        }
        while (head < tail) {
            int state = queue[head++];
            int row = state * classes;
            int fallback = fail[state] * classes;
            outputs[state] = merge(outputs[state], outputs[fail[state]]);
            for (int cls = 0; cls < classes; cls++) {
                int child = delta[row + cls];
                if (child != 0) {
                    fail[child] = delta[fallback + cls];
                    queue[tail++] = child;
                } else {
                    delta[row + cls] = delta[fallback + cls];
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
