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
        // The trie as child and sibling lists (0 = none: the root is nobody's child). Linking then visits
        // each state's few children instead of every entry of every row.
        int[] firstChild = new int[maxStates];
        int[] nextSibling = new int[maxStates];
        int[] edgeClass = new int[maxStates];
        int[][] outs = new int[maxStates][];
        int states = 1;
        for (int id = 0; id < keywords.size(); id++) {
            int state = 0;
            String keyword = keywords.get(id);
            int symbols = Math.min(keyword.length(), PREFIX);
            for (int i = 0; i < symbols; i++) {
                char c = keyword.charAt(i);
                int cls = i == 0 && c == '^' ? startClass : i == keyword.length() - 1 && c == '$' ? endClass : classOf[c];
                int child = firstChild[state];
                while (child != 0 && edgeClass[child] != cls) {
                    child = nextSibling[child];
                }
                if (child == 0) {
                    child = states++;
                    edgeClass[child] = cls;
                    nextSibling[child] = firstChild[state];
                    firstChild[state] = child;
                }
                state = child;
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
        int control = states;
        this.outputs = Arrays.copyOf(outs, states + 1);
        outputs[control] = new int[] {keywordCount};
        this.jump = link(firstChild, nextSibling, edgeClass, states);
        this.startOffset = jump[startClass] < 0 ? ~jump[startClass] : jump[startClass];
    }

    /**
     * Breadth-first over the trie: each state's row starts as a copy of its failure state's finished row
     * (one block copy), then its own children replace their entries, and their outputs take in their
     * failure states'. Entries are row offsets (state times width), complemented when the target state
     * reports keywords, so the scan does one load and no multiplication per character. Start-up is
     * dominated by this pass, which is why it copies rows rather than visiting every entry.
     */
    private int[] link(int[] firstChild, int[] nextSibling, int[] edgeClass, int states) {
        int control = states;
        int[] table = new int[(control + 1) * classes];
        int[] fail = new int[states];
        int[] queue = new int[states];
        int tail = 0;
        // Every row is ultimately a copy of the root's, so this sends every state to the control state.
        table[controlClass] = entry(control);
        for (int child = firstChild[0]; child != 0; child = nextSibling[child]) {
            table[edgeClass[child]] = entry(child);
            queue[tail++] = child;
        }
        System.arraycopy(table, 0, table, control * classes, classes);
        for (int head = 0; head < tail; head++) {
            int state = queue[head];
            int row = state * classes;
            System.arraycopy(table, fail[state] * classes, table, row, classes);
            for (int child = firstChild[state]; child != 0; child = nextSibling[child]) {
                int inherited = table[row + edgeClass[child]];
                fail[child] = (inherited < 0 ? ~inherited : inherited) >>> shift;
                outputs[child] = merge(outputs[child], outputs[fail[child]]);
                table[row + edgeClass[child]] = entry(child);
                queue[tail++] = child;
            }
        }
        return table;
    }

    private int entry(int state) {
        return outputs[state] == null ? state * classes : ~(state * classes);
    }

    /** Number of keywords; hit bitsets are sized for it. */
    int keywordCount() {
        return keywordCount;
    }

    /** @return a zeroed bitset of the size {@link #scan} fills */
    int[] newHits() {
        return new int[(keywordCount >>> 5) + 1];
    }

    /**
     * Scans {@code text} and sets in {@code hits} (from {@link #newHits}, zeroed) the bit of every keyword
     * found, plus one extra bit at index {@link #keywordCount()} when the text holds an ASCII control
     * character.
     */
    void scan(String text, int[] hits) {
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
