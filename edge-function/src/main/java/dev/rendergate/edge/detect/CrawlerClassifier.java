package dev.rendergate.edge.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells people from crawlers by the User-Agent and says which device class to render for.
 *
 * <p>One case-folding keyword pass over the User-Agent finds the candidate rules; a typical browser hits
 * no rule keyword and is decided by that pass alone. Candidates are then tried in table order, running a
 * rule's pattern only when it has one. The spaces and tabs HTTP allows around a header value are dropped first,
 * so they never change a verdict. Inputs are bounded: an empty User-Agent (or only spaces and tabs), one of
 * {@value #MAX_LENGTH} characters or more, one holding ASCII control characters, or one in which keywords
 * (or the first characters of long ones) end at more than {@value KeywordAutomaton#MAX_REPORTING_POSITIONS}
 * positions gets a fixed
 * {@link BotClass#TOOL} verdict ({@code empty-ua}, {@code oversized-ua}, {@code malformed-ua},
 * {@code flooded-ua}) without any pattern work; no browser sends such a header (the labelled corpus's most
 * is 17 such positions). The first of those limits the text reaches decides. Instances are thread-safe;
 * their only state after construction is a cache of the verdicts they have given.
 */
public final class CrawlerClassifier {

    /** User-Agents this long or longer are not inspected: no browser or documented crawler sends one. */
    public static final int MAX_LENGTH = 8192;

    /** The token the farm's renderer puts in its User-Agent. */
    public static final String RENDERER_UA_MARKER = "RendergateRenderer";

    /**
     * The verdict name for a User-Agent carrying {@link #RENDERER_UA_MARKER} (in any case). Every classifier
     * tries this rule before its own, so a verdict of any other name for a fully scanned User-Agent means
     * the marker is not in it; only the fixed {@link BotClass#TOOL} verdicts stop short of the whole text.
     */
    public static final String RENDERER = "rendergate-renderer";

    static final String EMPTY = "empty-ua";
    static final String OVERSIZED = "oversized-ua";
    static final String MALFORMED = "malformed-ua";
    static final String FLOODED = "flooded-ua";

    private static final Verdict EMPTY_VERDICT = Verdict.bot(BotClass.TOOL, EMPTY, Device.DESKTOP);
    private static final Verdict OVERSIZED_VERDICT = Verdict.bot(BotClass.TOOL, OVERSIZED, Device.DESKTOP);
    private static final Verdict MALFORMED_VERDICT = Verdict.bot(BotClass.TOOL, MALFORMED, Device.DESKTOP);
    private static final Verdict FLOODED_VERDICT = Verdict.bot(BotClass.TOOL, FLOODED, Device.DESKTOP);
    private static final int DEVICES = Device.values().length;
    /** A person's verdict per device, by ordinal. */
    private static final Verdict[] HUMANS = humans();

    private final CrawlerRule[] rules;
    private final UaMatcher[] matchers;
    private final KeywordAutomaton automaton;
    /**
     * The rules each keyword makes candidates, as one flat list: keyword {@code k} names
     * {@code keywordRules[keywordRuleStart[k]]} up to {@code keywordRuleStart[k + 1]}. Flat arrays, not one
     * list per keyword: in the JavaScript build each small array or list costs start-up time.
     */
    private final int[] keywordRuleStart;
    private final int[] keywordRules;
    private final int[] alwaysCandidates;
    /**
     * Each bot rule's verdict per device (index {@code rule * DEVICES + device.ordinal()}), made on first
     * use and then shared: one allocated per call was a measurable part of a crawler's event in the
     * JavaScript build, and making all of them up front would add to start-up there. Safe without locking:
     * a {@link Verdict}'s fields are final, so a thread that reads one from the array sees it whole; two
     * threads may both make one, and either is kept, as they are equal.
     */
    private final Verdict[] botVerdicts;
    private final int[] largeScreenIds;
    private final int[] phoneIds;
    /**
     * The two bitsets one classification works in (keyword hits, candidate rules), kept per thread: in the
     * JavaScript build every {@code int[]} is a typed array, and allocating two per call was a fifth of a
     * viewer event's cost there. An anonymous class, not a lambda: see {@link #idOf}.
     */
    private final ThreadLocal<int[][]> scratch = new ThreadLocal<>() {
        @Override
        protected int[][] initialValue() {
            return new int[][] {automaton.newHits(), new int[alwaysCandidates.length]};
        }
    };

    private CrawlerClassifier(List<CrawlerRule> ruleList, UaMatcherFactory factory) {
        this.rules = new CrawlerRule[ruleList.size() + 1];
        rules[0] = CrawlerRule.bot(BotClass.TOOL, RENDERER, AsciiCase.lower(RENDERER_UA_MARKER));
        for (int r = 0; r < ruleList.size(); r++) {
            rules[r + 1] = ruleList.get(r);
        }
        this.matchers = new UaMatcher[rules.length];
        this.botVerdicts = new Verdict[rules.length * DEVICES];
        Map<String, Integer> ids = new LinkedHashMap<>();
        this.largeScreenIds = register(ids, DeviceHints.LARGE_SCREEN);
        this.phoneIds = register(ids, DeviceHints.PHONE);
        this.alwaysCandidates = new int[(rules.length >>> 5) + 1];
        int pairs = 0;
        for (CrawlerRule rule : rules) {
            pairs += rule.keywords().size();
        }
        // (keyword id, rule) pairs in rule order, then grouped by keyword id with a counting sort.
        int[] pairKeyword = new int[pairs];
        int[] pairRule = new int[pairs];
        int pair = 0;
        for (int r = 0; r < rules.length; r++) {
            CrawlerRule rule = rules[r];
            // Patterns run on the lower-cased User-Agent, so no engine needs its slower case-folding mode.
            matchers[r] = rule.pattern() == null ? null : factory.compile(rule.pattern(), false);
            if (rule.keywords().isEmpty()) {
                alwaysCandidates[r >>> 5] |= 1 << r;
            }
            for (String keyword : rule.keywords()) {
                pairKeyword[pair] = idOf(ids, keyword);
                pairRule[pair++] = r;
            }
        }
        this.automaton = new KeywordAutomaton(new ArrayList<>(ids.keySet()));
        this.keywordRuleStart = new int[ids.size() + 1];
        this.keywordRules = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            keywordRuleStart[pairKeyword[i] + 1]++;
        }
        for (int id = 0; id < ids.size(); id++) {
            keywordRuleStart[id + 1] += keywordRuleStart[id];
        }
        int[] filled = new int[ids.size()];
        for (int i = 0; i < pairs; i++) {
            int id = pairKeyword[i];
            keywordRules[keywordRuleStart[id] + filled[id]++] = pairRule[i];
        }
    }

    /** The bundled rule set with the JVM's regex engine; built once and shared. */
    public static CrawlerClassifier standard() {
        return Standard.INSTANCE;
    }

    /** The bundled rule set with the given regex engine (the JavaScript build passes its own). */
    public static CrawlerClassifier standard(UaMatcherFactory factory) {
        return of(StandardRules.all(), factory);
    }

    /** A classifier over the given rules, tried in list order after the renderer's ({@link #RENDERER}). */
    public static CrawlerClassifier of(List<CrawlerRule> rules, UaMatcherFactory factory) {
        return new CrawlerClassifier(rules, factory);
    }

    /** Classifies one User-Agent header value; null, empty, huge or garbage input gets a defined verdict. */
    public Verdict classify(String header) {
        if (header == null || HeaderText.isBlank(header)) {
            return EMPTY_VERDICT;
        }
        // Spaces and tabs around a field value are not part of it: a trailing tab is no control character,
        // and an anchored keyword (^mozilla/5.0$) matches with or without them.
        String userAgent = HeaderText.trim(header);
        if (userAgent.length() >= MAX_LENGTH) {
            return OVERSIZED_VERDICT;
        }
        int[][] buffers = scratch.get();
        int[] hits = buffers[0];
        Arrays.fill(hits, 0);
        if (!automaton.scan(userAgent, hits)) {
            return FLOODED_VERDICT;
        }
        int control = automaton.keywordCount();
        if ((hits[control >>> 5] & (1 << control)) != 0) {
            return MALFORMED_VERDICT;
        }
        Device device = device(hits);
        int decided = decide(userAgent, hits, buffers[1]);
        if (decided < 0 || rules[decided].isPerson()) {
            return HUMANS[device.ordinal()];
        }
        return botVerdict(decided, device);
    }

    private static Verdict[] humans() {
        Verdict[] humans = new Verdict[DEVICES];
        for (Device device : Device.values()) {
            humans[device.ordinal()] = Verdict.human(device);
        }
        return humans;
    }

    private Verdict botVerdict(int rule, Device device) {
        int index = rule * DEVICES + device.ordinal();
        Verdict verdict = botVerdicts[index];
        if (verdict == null) {
            verdict = Verdict.bot(rules[rule].botClass(), rules[rule].name(), device);
            botVerdicts[index] = verdict;
        }
        return verdict;
    }

    /** @return the index of the first rule that matches, or -1 */
    private int decide(String userAgent, int[] hits, int[] candidates) {
        // A plain loop: compiled to JavaScript, System.arraycopy's general path costs more than these few words.
        for (int word = 0; word < candidates.length; word++) {
            candidates[word] = alwaysCandidates[word];
        }
        for (int word = 0; word < hits.length; word++) {
            int bits = hits[word];
            while (bits != 0) {
                int id = (word << 5) + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (id >= keywordRuleStart.length - 1) {
                    continue;
                }
                for (int k = keywordRuleStart[id]; k < keywordRuleStart[id + 1]; k++) {
                    int rule = keywordRules[k];
                    candidates[rule >>> 5] |= 1 << rule;
                }
            }
        }
        return firstMatch(userAgent, candidates);
    }

    private int firstMatch(String userAgent, int[] candidates) {
        String lower = null;
        for (int word = 0; word < candidates.length; word++) {
            int bits = candidates[word];
            while (bits != 0) {
                int rule = (word << 5) + Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                UaMatcher matcher = matchers[rule];
                if (matcher == null) {
                    return rule;
                }
                if (lower == null) {
                    lower = AsciiCase.lower(userAgent);
                }
                if (matcher.find(lower)) {
                    return rule;
                }
            }
        }
        return -1;
    }

    private Device device(int[] hits) {
        if (any(hits, largeScreenIds)) {
            return Device.DESKTOP;
        }
        return any(hits, phoneIds) ? Device.MOBILE : Device.DESKTOP;
    }

    private static boolean any(int[] hits, int[] ids) {
        for (int id : ids) {
            if ((hits[id >>> 5] & (1 << id)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] register(Map<String, Integer> ids, List<String> keywords) {
        int[] registered = new int[keywords.size()];
        for (int i = 0; i < keywords.size(); i++) {
            registered[i] = idOf(ids, keywords.get(i));
        }
        return registered;
    }

    // Plain code rather than lambdas: the first lambda in a JVM costs tens of milliseconds of bootstrap.
    private static int idOf(Map<String, Integer> ids, String keyword) {
        Integer id = ids.get(keyword);
        if (id == null) {
            id = ids.size();
            ids.put(keyword, id);
        }
        return id;
    }

    /** Lazy holder: the standard classifier is built on first use and then shared. */
    private static final class Standard {
        static final CrawlerClassifier INSTANCE = standard(JavaRegexMatcherFactory.INSTANCE);
    }
}
