package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs: every one gets a defined verdict, and none costs more than a bounded amount of work
 * (the JMH benchmark measures the exact figures; this test only proves there is no blow-up).
 */
class CrawlerClassifierAdversarialTest {

    private final CrawlerClassifier classifier = CrawlerClassifier.standard();

    static Map<String, String> adversarialInputs() {
        int under = CrawlerClassifier.MAX_LENGTH - 1;
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("100 KB of a", "a".repeat(100_000));
        inputs.put("8 KB of a", "a".repeat(CrawlerClassifier.MAX_LENGTH));
        inputs.put("just under 8 KB of a", "a".repeat(under));
        inputs.put("Mozilla/5.0 ( repeated", fill("Mozilla/5.0 (", under));
        inputs.put("every rule keyword prefix repeated", fill("googlebotyandexsogou spiderandroid 1; robotfacebookexternalhit ", under));
        inputs.put("android robot repeated", fill("Mozilla/5.0 (Linux; Android 9; ROBOT", under));
        inputs.put("bot repeated", fill("bot", under));
        inputs.put("nested parentheses", "Mozilla/5.0 " + "(".repeat(under / 2 - 6) + ")".repeat(under / 2 - 6));
        inputs.put("lone surrogates", fill("\ud800\udfff\udc00", under));
        inputs.put("non-ASCII", fill("\u00e9\u4e2d\u0416", under));
        inputs.put("control characters", fill("Mozilla/5.0\u0001", under));
        return inputs;
    }

    private static String fill(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        while (out.length() < length) {
            out.append(unit);
        }
        out.setLength(length);
        return out.toString();
    }

    @Test
    void classify_adversarialInputs_getDefinedVerdicts() {
        Map<String, String> inputs = adversarialInputs();
        assertThat(classifier.classify(inputs.get("100 KB of a")).name()).isEqualTo("oversized-ua");
        assertThat(classifier.classify(inputs.get("8 KB of a")).name()).isEqualTo("oversized-ua");
        assertThat(classifier.classify(inputs.get("just under 8 KB of a")).name()).isEqualTo("non-browser");
        assertThat(classifier.classify(inputs.get("Mozilla/5.0 ( repeated"))).isEqualTo(Verdict.human(Device.DESKTOP));
        assertThat(classifier.classify(inputs.get("nested parentheses"))).isEqualTo(Verdict.human(Device.DESKTOP));
        assertThat(classifier.classify(inputs.get("control characters")).name()).isEqualTo("malformed-ua");
        for (String flood : new String[] {"every rule keyword prefix repeated", "android robot repeated",
            "bot repeated"}) {
            assertThat(classifier.classify(inputs.get(flood))).as(flood)
                    .isEqualTo(Verdict.bot(BotClass.TOOL, "flooded-ua", Device.DESKTOP));
        }
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            assertThat(classifier.classify(input.getValue())).as(input.getKey()).isNotNull();
        }
    }

    @Test
    void classify_keywordsAtManyPositions_stopsTheScanAtTheBound() {
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        // Each " bot" ends the keyword "bot" once: the User-Agent's own matches plus 100 stay under the bound.
        assertThat(classifier.classify(googlebot + " bot".repeat(100)).name()).isEqualTo("googlebot");
        assertThat(classifier.classify(googlebot + " bot".repeat(KeywordAutomaton.MAX_REPORTING_POSITIONS)))
                .isEqualTo(Verdict.bot(BotClass.TOOL, "flooded-ua", Device.DESKTOP));
    }

    @Test
    void classify_controlCharacter_decidesWhenItComesBeforeTheBound() {
        String flood = "Mozilla/5.0 (compatible; Googlebot/2.1)" + " bot".repeat(KeywordAutomaton.MAX_REPORTING_POSITIONS);
        assertThat(classifier.classify("Mozilla/5.0\u0001" + flood).name()).isEqualTo("malformed-ua");
        assertThat(classifier.classify(flood + "\u0001").name()).isEqualTo("flooded-ua");
    }

    @Test
    void classify_adversarialInputs_stayFast() {
        // Generous bound for a shared CI machine: 2,000 classifications of near-8 KB inputs in under 2 s
        // (1 ms each) would still be 20x the benchmark's per-call budget; a backtracking blow-up is 1000x.
        for (Map.Entry<String, String> input : adversarialInputs().entrySet()) {
            for (int i = 0; i < 200; i++) {
                classifier.classify(input.getValue());
            }
            long start = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                classifier.classify(input.getValue());
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).as("2000 x %s", input.getKey()).isLessThan(2_000);
        }
    }
}
