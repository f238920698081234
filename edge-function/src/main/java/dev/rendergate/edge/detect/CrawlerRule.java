package dev.rendergate.edge.detect;

import java.util.List;
import java.util.Objects;

/**
 * One detection rule as plain data: when any keyword occurs in the User-Agent (ASCII case-insensitive
 * substring; a leading {@code ^} anchors it at the start, a trailing {@code $} at the end) and the optional
 * pattern also matches the
 * lower-cased User-Agent, the rule decides. A rule without keywords is a candidate for every User-Agent
 * that no earlier rule decided, so it must have a pattern.
 *
 * <p>Rules are evaluated in table order among those whose keywords occur, so a specific rule
 * ({@code googlebot-image}) precedes a general one ({@code googlebot}), and person rules (in-app
 * browsers, phones named "...bot") precede the generic heuristics.
 *
 * @param name stable lower-case name reported in the verdict (for person rules, a label for tests)
 * @param botClass the class of bot; null for a person rule
 * @param keywords lower-case ASCII literals; any of them makes the rule a candidate; empty = always a candidate
 * @param pattern optional regular expression over the lower-cased User-Agent; null when the keyword is enough
 */
public record CrawlerRule(String name, BotClass botClass, List<String> keywords, String pattern) {

    public CrawlerRule {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty() && pattern == null) {
            throw new IllegalArgumentException("rule " + name + " needs a keyword or a pattern");
        }
        for (String keyword : keywords) {
            if (!hasLiteral(keyword) || !isLowerAscii(keyword)) {
                throw new IllegalArgumentException("rule " + name + ": keyword must be lower-case ASCII: " + keyword);
            }
        }
    }

    /** A bot rule matched by keywords alone. */
    public static CrawlerRule bot(BotClass botClass, String name, String... keywords) {
        return new CrawlerRule(name, Objects.requireNonNull(botClass, "botClass"), List.of(keywords), null);
    }

    /** A bot rule that needs one of the keywords and the pattern. */
    public static CrawlerRule botWhen(BotClass botClass, String name, String pattern, String... keywords) {
        return new CrawlerRule(name, Objects.requireNonNull(botClass, "botClass"), List.of(keywords), pattern);
    }

    /** A rule tried on every User-Agent that reaches it, decided by its pattern alone. */
    public static CrawlerRule shape(BotClass botClass, String name, String pattern) {
        return new CrawlerRule(name, Objects.requireNonNull(botClass, "botClass"), List.of(), Objects.requireNonNull(pattern));
    }

    /** A rule that recognises a person (in-app browser, look-alike name) before the generic heuristics run. */
    public static CrawlerRule person(String name, String pattern, String... keywords) {
        return new CrawlerRule(name, null, List.of(keywords), pattern);
    }

    /** Whether a match means a person rather than a bot. */
    public boolean isPerson() {
        return botClass == null;
    }

    /** Whether anything is left besides anchor characters. */
    private static boolean hasLiteral(String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            if (keyword.charAt(i) != '^' && keyword.charAt(i) != '$') {
                return true;
            }
        }
        return false;
    }

    private static boolean isLowerAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 127 || (c >= 'A' && c <= 'Z') || c < 0x20) {
                return false;
            }
        }
        return true;
    }
}
