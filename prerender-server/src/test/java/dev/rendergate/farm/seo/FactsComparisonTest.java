package dev.rendergate.farm.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FactsComparisonTest {
    private static final URI PAGE = URI.create("https://clinic.example/doctors/17-ada");
    private static final String LD = "{\"@type\": \"Physician\", \"name\": \"Ada\"}";
    private static final String HEAD = "<head><title>Dr. Ada Lovelace</title>"
            + "<meta name=\"description\" content=\"Cardiologist in Berlin\">"
            + "<link rel=\"canonical\" href=\"/doctors/17-ada\">"
            + "<meta property=\"og:title\" content=\"Dr. Ada\">"
            + "<script type=\"application/ld+json\">" + LD + "</script></head>";
    private static final String WORDS = "Dr. Ada Lovelace is a cardiologist with twenty years of practice in Berlin. "
            + "She speaks English and German and takes new patients on weekdays. Book a visit online or call the "
            + "clinic between eight and six. Parking is available behind the building next to the pharmacy.";
    private static final String BODY = "<h1>Dr. Ada Lovelace</h1><p>" + WORDS + "</p><a href=\"/doctors\">All</a>"
            + "<a href=\"/cities/berlin#top\">Berlin</a>";

    private static String page(String head, String body) {
        return "<html>" + head + "<body>" + body + "</body></html>";
    }

    private static FactsComparison compare(String reference, String candidate) {
        return FactsComparison.of(PAGE, reference, 200, candidate, 200);
    }

    @Test
    void sameFacts_agree_evenWhenMarkupWhitespaceJsonFormattingAndFragmentsDiffer() {
        String other = page(HEAD.replace(LD, "{\"name\":\"Ada\",\"@type\":\"Physician\"}"),
                "<div>" + BODY.replace(" is a", "  is\n a").replace("#top", "#map") + "</div>");
        assertThat(compare(page(HEAD, BODY), other).differing()).isEmpty();
    }

    @Test
    void aClockOnThePage_isNotADifference() {
        assertThat(compare(page(HEAD, BODY + "<p>Updated 10:41:07</p>"), page(HEAD, BODY + "<p>Updated 10:41:09</p>"))
                .agree()).isTrue();
    }

    @Test
    void scriptText_isNotWhatACrawlerReads() {
        assertThat(compare(page(HEAD, BODY + "<script>var hidden = 'one';</script>"),
                page(HEAD, BODY + "<script>var hidden = 'two';</script>")).agree()).isTrue();
    }

    @Test
    void missingSection_linksAndStructuredData_areDifferences() {
        String section = "<section><h2>Reviews</h2><p>" + WORDS + "</p><a href=\"/doctors/18-grace\">Dr. Grace</a>"
                + "<script type=\"application/ld+json\">{\"@type\":\"AggregateRating\"}</script></section>";
        FactsComparison c = compare(page(HEAD, BODY + section), page(HEAD, BODY + "<section><h2>Reviews</h2></section>"));
        assertThat(c.agree()).isFalse();
        assertThat(c.differing()).contains("jsonLd", "links");
        assertThat(c.differing()).anyMatch(f -> f.startsWith("text "));
    }

    @Test
    void statusFromMeta_titleCanonicalRobotsH1SocialJsonLd_eachCounted() {
        String a = page(HEAD, BODY);
        assertThat(compare(a, page(HEAD + "<meta name=\"prerender-status-code\" content=\"404\">", BODY)).differing())
                .containsExactly("status");
        assertThat(compare(a, page(HEAD.replace("Dr. Ada Lovelace</title>", "Ada</title>"), BODY)).differing())
                .containsExactly("title");
        assertThat(compare(a, page(HEAD.replace("/doctors/17-ada\"", "/doctors/17\""), BODY)).differing())
                .containsExactly("canonical");
        assertThat(compare(a, page(HEAD + "<meta name=\"robots\" content=\"noindex\">", BODY)).differing())
                .containsExactly("robots");
        assertThat(compare(a, page(HEAD, BODY.replace("<h1>Dr. Ada Lovelace</h1>", ""))).differing()).contains("h1");
        assertThat(compare(a, page(HEAD.replace("og:title", "og:site_name"), BODY)).differing())
                .containsExactly("social");
        assertThat(compare(a, page(HEAD.replace("\"Ada\"}", "\"Grace\"}"), BODY)).differing())
                .containsExactly("jsonLd");
    }

    @Test
    void httpStatus_countsWhenNoMetaOverridesIt() {
        assertThat(FactsComparison.of(PAGE, page(HEAD, BODY), 200, page(HEAD, BODY), 404).differing())
                .containsExactly("status");
    }

    @Test
    void textSimilarity_countsRepeatedWords() {
        assertThat(FactsComparison.textSimilarity("", "")).isEqualTo(1.0);
        assertThat(FactsComparison.textSimilarity("a a b", "a b")).isEqualTo(2.0 / 3);
        assertThat(FactsComparison.textSimilarity("a b", "c d")).isEqualTo(0.0);
    }
}
