package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

    private static List<Integer> found(KeywordAutomaton automaton, String text) {
        int[] hits = automaton.newHits();
        automaton.scan(text, hits);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id <= automaton.keywordCount(); id++) {
            if ((hits[id >>> 5] & (1 << id)) != 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void scan_findsOverlappingAndNestedKeywordsIgnoringAsciiCase() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("googlebot", "bot", "googlebot-image", "otb"));
        assertThat(found(automaton, "Mozilla (compatible; Googlebot-Image/1.0)")).containsExactly(0, 1, 2);
        assertThat(found(automaton, "ROBOTBOT")).containsExactly(1, 3);
        assertThat(found(automaton, "Chrome/120 Safari")).isEmpty();
    }

    @Test
    void scan_anchoredKeywords_matchOnlyAtTheirEnds() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("^mozilla/", "^mozilla/5.0$", "viber$"));
        assertThat(found(automaton, "Mozilla/5.0")).containsExactly(0, 1);
        assertThat(found(automaton, "Mozilla/5.0 (X11)")).containsExactly(0);
        assertThat(found(automaton, "x Mozilla/5.0")).isEmpty();
        assertThat(found(automaton, "Viber")).containsExactly(2);
        assertThat(found(automaton, "Viber/1")).isEmpty();
    }

    @Test
    void scan_longKeywords_areCheckedPastTheirPrefixIncludingEndAnchors() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("googlebot-image", "googlebot-video", "^mozilla/5.0 (compatible)$"));
        assertThat(found(automaton, "x Googlebot-Image/1.0")).containsExactly(0);
        assertThat(found(automaton, "Googlebot-Imag")).isEmpty();
        assertThat(found(automaton, "googlebot-videogooglebot-image")).containsExactly(0, 1);
        assertThat(found(automaton, "Mozilla/5.0 (compatible)")).containsExactly(2);
        assertThat(found(automaton, "Mozilla/5.0 (compatible) x")).isEmpty();
        assertThat(found(automaton, "Mozilla/5.0 (compatible")).isEmpty();
    }

    @Test
    void scan_reportsControlCharactersInTheExtraBit() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("bot"));
        assertThat(found(automaton, "a\u0000b")).containsExactly(1);
        assertThat(found(automaton, "bo\rt")).containsExactly(1);
        assertThat(found(automaton, "b\u00f6t \ud800")).isEmpty();
    }

    @Test
    void scan_agreesWithNaiveSearchOnRandomText() {
        List<String> keywords = List.of("ab", "abc", "bca", "c", "aab", "b-a", "ca/", "abcabcabcab", "aabbccaabbc",
                "bbbbbbbbbb", "abcabcabca/");
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        Random random = new Random(42);
        String alphabet = "abcABC-/ x";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<Integer> expected = new ArrayList<>();
            String lower = text.toString().toLowerCase();
            for (int id = 0; id < keywords.size(); id++) {
                if (lower.contains(keywords.get(id))) {
                    expected.add(id);
                }
            }
            assertThat(found(automaton, text.toString())).as(text.toString()).isEqualTo(expected);
        }
    }
}
