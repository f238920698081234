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
    /** The state entered on an ASCII control character. */
    private final int controlState;
    /**
     * The transition table, a row of {@code classes} entries per state. An entry is the target state's row
     * offset (state times row width), complemented when that state or a state on its output chain owns
     * keywords, so a character costs one load and no arithmetic beyond an add.
     */
    private final int[] jump;
    /**
     * The keywords each state itself ends, as one flat list: state {@code s} owns {@code ownIds[ownStart[s]]}
     * up to {@code ownStart[s + 1]}. An id is complemented when its keyword's tail must still be compared.
     * Flat arrays instead of one array per state: in the JavaScript build every array is a typed array,
     * and allocating hundreds of small ones was a large part of start-up.
     */
    private final int[] ownStart;
    private final int[] ownIds;
    /** For each state, the nearest state on its failure chain that owns keywords, or -1: a report walks it. */
    private final int[] outputLink;
    private final int keywordCount;
    private final String[] tails;

    /**
     * Only the first symbols of a keyword become automaton states; a longer keyword's tail is compared
     * in place when its prefix is seen. Fewer states make a smaller table, which is most of start-up; more
     * states spare tail comparisons where many keywords share a stem ({@code googlebot-image},
     * {@code googlebot-news}, ... and {@code compatible; ...}). At 12, a Googlebot event in the JavaScript
     * build took a tenth less time than at 8, and start-up rose by about a millisecond; at 16 start-up rose
     * by 3-4 ms for no further gain.
     */
    private static final int PREFIX = 12;

    /**
     * A scan stops at the first position past this many where a keyword, or the first {@value #PREFIX}
     * characters of a longer one, ends. The labelled corpus's most is 17 (a 211-character User-Agent); only
     * a User-Agent built to repeat keywords gets near, and stopping bounds the work such input can make.
     */
    static final int MAX_REPORTING_POSITIONS = 128;

    KeywordAutomaton(List<String> keywords) {
        this.keywordCount = keywords.size();
        this.startClass = assignClasses(keywords);
        this.endClass = startClass + 1;
        this.controlClass = startClass + 2;
        // Rows are a power of two wide so a row offset turns back into its state with a shift.
        this.shift = 32 - Integer.numberOfLeadingZeros(startClass + 2);
        this.classes = 1 << shift;
        this.tails = new String[keywordCount];
        int maxStates = 1;
        for (String keyword : keywords) {
            maxStates += Math.min(keyword.length(), PREFIX);
        }
        // The trie as child and sibling lists (0 = none: the root is nobody's child). Linking then visits
        // each state's few children instead of every entry of every row.
        int[] firstChild = new int[maxStates];
        int[] nextSibling = new int[maxStates];
        int[] edgeClass = new int[maxStates];
        int[] endState = new int[keywordCount];
        int states = 1;
        for (int id = 0; id < keywordCount; id++) {
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
            endState[id] = state;
            if (keyword.length() > PREFIX) {
                tails[id] = keyword.substring(PREFIX);
            }
        }
        // One extra state, entered on any control character: it reports the control bit, and the scan
        // ends there (its row is never read).
        int control = states;
        this.controlState = control;
        // A counting sort by state, as CrawlerClassifier groups rules by keyword. Written out in both: shared
        // as one class, it changed what TeaVM inlines here, and the JavaScript bundle's start-up rose 5-8 ms.
        this.ownStart = new int[control + 2];
        this.ownIds = new int[keywordCount + 1];
        for (int id = 0; id < keywordCount; id++) {
            ownStart[endState[id] + 1]++;
        }
        ownStart[control + 1]++;
        for (int state = 0; state <= control; state++) {
            ownStart[state + 1] += ownStart[state];
        }
        int[] filled = new int[control + 1];
        for (int id = 0; id < keywordCount; id++) {
            int state = endState[id];
            ownIds[ownStart[state] + filled[state]++] = tails[id] == null ? id : ~id;
        }
        ownIds[ownStart[control]] = keywordCount;
        this.outputLink = new int[control + 1];
        Arrays.fill(outputLink, -1);
        this.jump = link(firstChild, nextSibling, edgeClass, states);
        this.startOffset = offsetOf(jump[startClass]);
    }

    /**
     * Breadth-first over the trie: each state's row starts as a copy of its failure state's finished row
     * (one row copy), then its own children replace their entries, and their output links follow their
     * failure states'. Start-up is dominated by this pass, which is why it copies rows rather than
     * visiting every entry.
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
        for (int head = 0; head < tail; head++) {
            int state = queue[head];
            int row = state * classes;
            copyRow(table, fail[state] * classes, row);
            for (int child = firstChild[state]; child != 0; child = nextSibling[child]) {
                int failure = offsetOf(table[row + edgeClass[child]]) >>> shift;
                fail[child] = failure;
                outputLink[child] = owns(failure) ? failure : outputLink[failure];
                table[row + edgeClass[child]] = entry(child);
                queue[tail++] = child;
            }
        }
        return table;
    }

    /**
     * A plain loop: compiled to JavaScript, System.arraycopy makes a typed-array view per call, and thousands
     * of them were a third of this pass.
     */
    private void copyRow(int[] table, int from, int to) {
        for (int i = 0; i < classes; i++) {
            table[to + i] = table[from + i];
        }
    }

    private boolean owns(int state) {
        return ownStart[state] < ownStart[state + 1];
    }

    private int entry(int state) {
        int offset = state * classes;
        return owns(state) || outputLink[state] >= 0 ? ~offset : offset;
    }

    private static int offsetOf(int entry) {
        return entry < 0 ? ~entry : entry;
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
     * character, where the scan ends.
     *
     * @return false when the scan stopped early, past {@value #MAX_REPORTING_POSITIONS} such positions (see
     *     there); {@code hits} then holds what was found up to there
     */
    boolean scan(String text, int[] hits) {
        int[] table = jump;
        int[] classTable = classOf;
        int offset = startOffset;
        int reporting = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int next = 0;
            // Runs until a state that reports, with no call inside: compiled to JavaScript, that lets the
            // engine keep the table and the string at hand instead of reloading them per character.
            while (i < n) {
                char c = text.charAt(i++);
                next = table[offset + (c < 128 ? classTable[c] : 0)];
                if (next < 0) {
                    break;
                }
                offset = next;
            }
            if (next < 0) {
                offset = ~next;
                if (++reporting > MAX_REPORTING_POSITIONS) {
                    return false;
                }
                int state = offset >>> shift;
                report(state, text, i, hits);
                if (state == controlState) {
                    // The verdict is decided (malformed); the rest of the text cannot change it.
                    return true;
                }
            }
        }
        int atEnd = table[offset + endClass];
        if (atEnd < 0) {
            report(~atEnd >>> shift, text, n, hits);
        }
        return true;
    }

    /**
     * Records the keywords that {@code state} and the states of its output chain end, checking the tails of
     * long ones against the text from {@code end}.
     */
    private void report(int state, String text, int end, int[] hits) {
        for (int owner = state; owner >= 0; owner = outputLink[owner]) {
            for (int k = ownStart[owner]; k < ownStart[owner + 1]; k++) {
                int id = ownIds[k];
                if (id < 0) {
                    id = ~id;
                    if (!tailMatches(tails[id], text, end)) {
                        continue;
                    }
                }
                hits[id >>> 5] |= 1 << id;
            }
        }
    }

    private static boolean tailMatches(String tail, String text, int from) {
        int length = tail.length();
        boolean anchoredAtEnd = tail.charAt(length - 1) == '$';
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
            if (c != tail.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int assignClasses(List<String> keywords) {
        int next = 1;
        for (String keyword : keywords) {
            int length = keyword.length();
            int last = length > 1 && keyword.charAt(length - 1) == '$' ? length - 1 : length;
            for (int i = keyword.charAt(0) == '^' ? 1 : 0; i < Math.min(last, PREFIX); i++) {
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
}
