package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Table-driven accuracy tests over the labelled corpus (public sources plus hand-written hard cases). */
class CrawlerClassifierCorpusTest {

    private static List<CorpusRow> rows;
    private static CorpusScore score;

    @BeforeAll
    static void classifyCorpus() {
        rows = Corpus.all();
        score = CorpusScore.of(CrawlerClassifier.standard(), rows);
    }

    @Test
    void corpus_isLargeEnoughToMeanSomething() {
        assertThat(score.humans).isGreaterThan(7000);
        assertThat(score.byClass.get(BotClass.SEARCH).total).isGreaterThan(400);
        assertThat(score.byClass.get(BotClass.SOCIAL).total).isGreaterThan(140);
        assertThat(score.byClass.get(BotClass.AI).total).isGreaterThan(110);
        assertThat(score.byClass.get(BotClass.TOOL).total).isGreaterThan(1400);
    }

    @Test
    void searchSocialAndAiCrawlers_areAllFoundWithTheRightClassAndName() {
        List<String> misses = score.misses.stream().filter(m -> !m.contains("want bot/tool/")).toList();
        assertThat(misses).isEmpty();
        for (BotClass c : List.of(BotClass.SEARCH, BotClass.SOCIAL, BotClass.AI)) {
            assertThat(score.recall(c)).as("recall of %s", c).isEqualTo(1.0);
            CorpusScore.ClassCounts counts = score.byClass.get(c);
            assertThat(counts.classRight).as("class right for %s", c).isEqualTo(counts.total);
            assertThat(counts.nameRight).as("name right for %s", c).isEqualTo(counts.namePinned);
        }
    }

    @Test
    void humans_falsePositiveRateIsAtMostOnePerMille() {
        assertThat(score.humanFalsePositiveRate()).as("false positives: %s", score.falsePositives).isLessThanOrEqualTo(0.001);
    }

    @Test
    void tools_areNearlyAllFound() {
        assertThat(score.recall(BotClass.TOOL)).as("tool misses: %s", score.misses).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void device_isRightForAtLeast999OfEvery1000PinnedRows() {
        assertThat(score.devicePinned).isGreaterThan(7000);
        assertThat(score.deviceRight).as("device errors: %s", score.deviceErrors)
                .isGreaterThanOrEqualTo((int) Math.ceil(score.devicePinned * 0.999));
    }

    /** Every hand-written case individually, so a regression names the exact User-Agent. */
    @TestFactory
    Stream<DynamicTest> handWrittenHardCases() {
        CrawlerClassifier classifier = CrawlerClassifier.standard();
        return rows.stream().filter(r -> r.source().equals("hand")).map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": " + abbreviate(row.userAgent()), () -> {
                    Verdict verdict = classifier.classify(row.userAgent());
                    Verdict expected = row.isHuman() ? Verdict.human(row.device())
                            : Verdict.bot(row.botClass(), row.name(), row.device());
                    assertThat(verdict).isEqualTo(expected);
                }));
    }

    private static String abbreviate(String ua) {
        String shown = ua.length() > 90 ? ua.substring(0, 90) + "..." : ua;
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
