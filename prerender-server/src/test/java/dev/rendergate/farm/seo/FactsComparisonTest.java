package dev.rendergate.farm.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FactsComparisonTest {
    private static final URI PAGE = URI.create("https://clinic.example/doctors/17-ada");
    private static final String HEAD = "<head><title>Dr. Ada Lovelace</title>"
            + "<meta name=\"description\" content=\"Cardiologist in Berlin\">"
            + "<link rel=\"canonical\" href=\"/doctors/17-ada\">"
            + "<meta property=\"og:title\" content=\"Dr. Ada\">"
            + "<script type=\"application/ld+json\">{\"@type\": \"Physician\", \"name\": \"Ada\"}</script></head>";
    private static final String WORDS = "Dr. Ada Lovelace is a cardiologist with twenty years of practice in Berlin. "
            + "She speaks English and German and takes new patients on weekdays. Book a visit online or call the "
            + "clinic between eight and six. Parking is available behind the building next to the pharmacy.";

    private static SeoFacts facts(String head, String body) {
        return SeoFacts.of("<html>" + head + "<body>" + body + "</body></html>", PAGE, 200);
    }

    private static final String BODY = "<h1>Dr. Ada Lovelace</h1><p>" + WORDS + "</p><a href=\"/doctors\">All</a>"
            + "<a href=\"/cities/berlin#top\">Berlin</a>";

    @Test
    void sameFacts_agree_evenWhenMarkupAndWhitespaceDiffer() {
        SeoFacts a = facts(HEAD, BODY);
        SeoFacts b = facts(HEAD.replace("> <", "><"), "<div>" + BODY.replace(" is a", "  is\n a") + "</div>");
        assertThat(FactsComparison.of(a, b).differing()).isEmpty();
    }

    @Test
    void aClockOnThePage_isNotADifference() {
        SeoFacts a = facts(HEAD, BODY + "<p>Updated 10:41:07</p>");
        SeoFacts b = facts(HEAD, BODY + "<p>Updated 10:41:09</p>");
        assertThat(FactsComparison.of(a, b).agree()).isTrue();
    }

    @Test
    void missingSection_linksAndStructuredData_areDifferences() {
        String section = "<section><h2>Reviews</h2><p>" + WORDS + "</p><a href=\"/doctors/18-grace\">Dr. Grace</a>"
                + "<script type=\"application/ld+json\">{\"@type\":\"AggregateRating\"}</script></section>";
        SeoFacts chromium = facts(HEAD, BODY + section);
        SeoFacts htmlUnit = facts(HEAD, BODY + "<section><h2>Reviews</h2></section>");
        FactsComparison c = FactsComparison.of(chromium, htmlUnit);
        assertThat(c.agree()).isFalse();
        assertThat(c.differing()).contains("jsonLd", "links");
        assertThat(c.differing()).anyMatch(f -> f.startsWith("text "));
    }

    @Test
    void statusFromMeta_titleCanonicalRobotsH1Social_eachCounted() {
        SeoFacts a = facts(HEAD, BODY);
        assertThat(FactsComparison.of(a, facts(HEAD + "<meta name=\"prerender-status-code\" content=\"404\">", BODY))
                .differing()).containsExactly("status");
        assertThat(FactsComparison.of(a, facts(HEAD.replace("Dr. Ada Lovelace</title>", "Ada</title>"), BODY))
                .differing()).containsExactly("title");
        assertThat(FactsComparison.of(a, facts(HEAD.replace("/doctors/17-ada\"", "/doctors/17\""), BODY))
                .differing()).containsExactly("canonical");
        assertThat(FactsComparison.of(a, facts(HEAD + "<meta name=\"robots\" content=\"noindex\">", BODY))
                .differing()).containsExactly("robots");
        assertThat(FactsComparison.of(a, facts(HEAD, BODY.replace("<h1>Dr. Ada Lovelace</h1>", "")))
                .differing()).contains("h1");
        assertThat(FactsComparison.of(a, facts(HEAD.replace("og:title", "og:site_name"), BODY))
                .differing()).containsExactly("social");
    }

    @Test
    void facts_readLinksAbsoluteWithoutFragment_andSkipScriptText() {
        SeoFacts f = facts(HEAD, BODY + "<script>var hidden = 'not text';</script>");
        assertThat(f.links()).containsExactly("https://clinic.example/cities/berlin", "https://clinic.example/doctors");
        assertThat(f.text()).doesNotContain("hidden");
        assertThat(f.canonical()).isEqualTo("https://clinic.example/doctors/17-ada");
        assertThat(f.status()).isEqualTo(200);
        assertThat(f.wordCount()).isGreaterThan(40);
    }

    @Test
    void textSimilarity_countsRepeatedWords() {
        assertThat(FactsComparison.textSimilarity("", "")).isEqualTo(1.0);
        assertThat(FactsComparison.textSimilarity("a a b", "a b")).isEqualTo(2.0 / 3);
        assertThat(FactsComparison.textSimilarity("a b", "c d")).isEqualTo(0.0);
    }
}
