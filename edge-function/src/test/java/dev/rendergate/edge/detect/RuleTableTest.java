package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled rules are well-formed data that both regex engines read the same way. */
class RuleTableTest {

    private static final List<CrawlerRule> RULES = StandardRules.all();

    @Test
    void patterns_stayInTheSubsetSharedWithJavaScript() {
        // Possessive quantifiers, atomic groups, inline flags, lookbehind, \A \Z \z and \p{} do not exist
        // (or differ) in JS RegExp; lower-case input makes case flags unnecessary.
        Pattern forbidden = Pattern.compile("[*+?}]\\+|\\(\\?[<>a-zA-Z]|\\\\[AZzpPQE]");
        for (CrawlerRule rule : RULES) {
            if (rule.pattern() != null) {
                assertThat(forbidden.matcher(rule.pattern()).find()).as(rule.name() + ": " + rule.pattern()).isFalse();
                assertThat(rule.pattern()).as(rule.name()).isEqualTo(rule.pattern().toLowerCase());
                Pattern.compile(rule.pattern());
            }
        }
    }

    @Test
    void botNames_areStableLowerCaseTokens() {
        for (CrawlerRule rule : RULES) {
            assertThat(rule.name()).matches("[a-z0-9][a-z0-9._-]*");
        }
    }

    @Test
    void everyRule_isReachable() {
        Set<String> keywordOnly = new HashSet<>();
        for (CrawlerRule rule : RULES) {
            if (rule.pattern() == null && rule.keywords().size() == 1) {
                String keyword = rule.keywords().get(0);
                assertThat(keywordOnly.add(keyword)).as("keyword %s already decided by an earlier rule", keyword).isTrue();
            }
        }
    }

    @Test
    void rule_rejectsUpperCaseKeywordsAndRulesThatMatchEverything() {
        assertThatThrownBy(() -> CrawlerRule.bot(BotClass.SEARCH, "x", "Googlebot")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrawlerRule("x", BotClass.TOOL, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrawlerRule.bot(BotClass.TOOL, "x", "^$")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customRules_areTriedInListOrder() {
        CrawlerClassifier classifier = CrawlerClassifier.of(List.of(
                CrawlerRule.bot(BotClass.SEARCH, "specific", "examplebot-image"),
                CrawlerRule.bot(BotClass.TOOL, "general", "examplebot"),
                CrawlerRule.botWhen(BotClass.SOCIAL, "patterned", "^fetch/[0-9]", "fetch/")), JavaRegexMatcherFactory.INSTANCE);
        assertThat(classifier.classify("ExampleBot-Image/1.0").name()).isEqualTo("specific");
        assertThat(classifier.classify("ExampleBot/1.0").name()).isEqualTo("general");
        assertThat(classifier.classify("Fetch/2").name()).isEqualTo("patterned");
        assertThat(classifier.classify("Fetch/x").bot()).isFalse();
    }
}
