package dev.rendergate.edge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rendergate.fuzz.Gen;
import dev.rendergate.fuzz.HostileText;
import dev.rendergate.fuzz.Property;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the classifier over the labelled corpus's User-Agents and hostile variants of them: every
 * input gets a verdict within the bound, and the verdict is the same whatever the ASCII case of the header and
 * whatever spaces and tabs surround it (HTTP's optional whitespace is not part of a field value).
 */
class CrawlerClassifierFuzzTest {

    private static final List<String> CORPUS = Corpus.all().stream().map(CorpusRow::userAgent).toList();
    private static final Gen<String> REALISTIC = random -> CORPUS.get(random.nextInt(CORPUS.size()));
    private static final Gen<String> USER_AGENT = HostileText.headerValue(REALISTIC);
    private static final Gen<String> WHITESPACE = random -> Gen.of(" ", "\t", "  ", " \t ", "\t\t").next(random)
            .repeat(1 + random.nextInt(3));

    private final CrawlerClassifier classifier = CrawlerClassifier.standard();

    @Test
    void classify_anyUserAgent_givesAVerdictInBound() {
        Property.forAll(Gen.oneOf(USER_AGENT, HostileText.anyText(CrawlerClassifier.MAX_LENGTH + 10)))
                .tries(3_000)
                .check(ua -> assertThat(classifier.classify(ua)).isNotNull());
    }

    @Test
    void classify_asciiCaseFlipped_sameVerdict() {
        Property.forAll(random -> {
            String ua = USER_AGENT.next(random);
            return new String[] {ua, flipAsciiCase(ua, random)};
        }).tries(3_000).check(pair ->
                assertThat(classifier.classify(pair[1])).as("case-flipped").isEqualTo(classifier.classify(pair[0])));
    }

    @Test
    void classify_surroundingWhitespace_sameVerdict() {
        Property.forAll(random -> {
            String ua = USER_AGENT.next(random);
            String padded = switch (random.nextInt(3)) {
                case 0 -> ua + WHITESPACE.next(random);
                case 1 -> WHITESPACE.next(random) + ua;
                default -> WHITESPACE.next(random) + ua + WHITESPACE.next(random);
            };
            return new String[] {ua, padded};
        }).tries(3_000).check(pair ->
                assertThat(classifier.classify(pair[1])).as("padded").isEqualTo(classifier.classify(pair[0])));
    }

    @Test
    void isBlank_anyText_isTrueExactlyForSpacesAndTabs() {
        Property.forAll(Gen.oneOf(HostileText.anyText(8), WHITESPACE, REALISTIC)).tries(2_000).check(text ->
                assertThat(HeaderText.isBlank(text)).isEqualTo(text.chars().allMatch(c -> c == ' ' || c == '\t')));
    }

    private static String flipAsciiCase(String text, Random random) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (random.nextBoolean() && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                chars[i] = (char) (c ^ 0x20);
            }
        }
        return new String(chars);
    }
}
