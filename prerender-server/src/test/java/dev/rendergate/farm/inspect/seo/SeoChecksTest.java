package dev.rendergate.farm.inspect.seo;

import dev.rendergate.farm.seo.SeoFactsReader;
import dev.rendergate.farm.seo.SeoFacts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SEO check, table-driven: each row is a page (head, body, status, headers) and the problem kind it must
 * get, or {@code null} where a check must stay quiet (each check has at least one such false-positive row).
 */
class SeoChecksTest {
    private static final String URL = "https://www.example.com/doctors/17-emma";
    private static final String GOOD_HEAD = "<title>Dr. Emma Schwarz, cardiologist in Berlin | MedBook</title>"
            + "<meta name=\"description\" content=\"Book an appointment with Dr. Emma Schwarz, cardiologist at the Mitte"
            + " clinic in Berlin. Opening hours, languages and reviews.\">";
    private static final String WORDS = " Dr. Emma Schwarz is a cardiologist at the Mitte clinic in Berlin with twenty"
            + " years of experience in heart health, prevention and rehabilitation; she speaks German and English.";
    private static final String GOOD_BODY = "<h1>Dr. Emma Schwarz</h1><p>" + WORDS + "</p>";
    private static final SeoChecks CHECKS = new SeoChecks(Duration.ofSeconds(3));

    static Stream<Arguments> pages() {
        return Stream.of(
                row("a complete page", GOOD_HEAD, GOOD_BODY, 200, Map.of(), null),
                // title
                row("no title", "<meta name=\"description\" content=\"Cardiologist in Berlin.\">", GOOD_BODY, 200, Map.of(),
                        ProblemKind.TITLE_MISSING),
                row("empty title", "<title>  </title>", GOOD_BODY, 200, Map.of(), ProblemKind.TITLE_MISSING),
                row("only an SVG title in the body", "", "<svg><title>icon</title></svg>" + GOOD_BODY, 200, Map.of(),
                        ProblemKind.TITLE_MISSING),
                row("false positive: head title plus an SVG title is one title", GOOD_HEAD,
                        "<svg><title>icon</title></svg>" + GOOD_BODY, 200, Map.of(), null),
                row("two titles", GOOD_HEAD + "<title>MedBook</title>", GOOD_BODY, 200, Map.of(), ProblemKind.TITLE_MULTIPLE),
                row("false positive: a redirect needs no title", "", "", 301, Map.of("Location", "/new"), null),
                // server errors
                row("a 503 from the origin", "<title>Error</title>", "<h1>Service unavailable</h1>", 503, Map.of(),
                        ProblemKind.SERVER_ERROR),
                row("false positive: a deliberate 404 is not a server error", "<title>Not found</title>", "", 404,
                        Map.of(), null),
                // description
                row("no description", "<title>Dr. Emma Schwarz</title>", GOOD_BODY, 200, Map.of(),
                        ProblemKind.DESCRIPTION_MISSING),
                row("false positive: Description spelled in capitals", "<title>Dr. Emma</title>"
                        + "<meta name=\"Description\" content=\"Cardiologist in Berlin.\">", GOOD_BODY, 200, Map.of(), null),
                row("description of 161 characters", "<title>Dr. Emma</title><meta name=\"description\" content=\""
                        + "a".repeat(161) + "\">", GOOD_BODY, 200, Map.of(), ProblemKind.DESCRIPTION_TOO_LONG),
                row("false positive: 160 characters, some outside ASCII", "<title>Dr. Emma</title>"
                        + "<meta name=\"description\" content=\"" + "é".repeat(80) + "😀".repeat(80) + "\">", GOOD_BODY, 200,
                        Map.of(), null),
                // canonical
                row("canonical to another page", GOOD_HEAD + "<link rel=\"canonical\" href=\"https://www.example.com/\">",
                        GOOD_BODY, 200, Map.of(), ProblemKind.CANONICAL_ELSEWHERE),
                row("false positive: relative canonical with a tracking parameter and an upper-case host", GOOD_HEAD
                        + "<link rel=\"canonical\" href=\"HTTPS://WWW.EXAMPLE.COM:443/doctors/17-emma?utm_source=x\">",
                        GOOD_BODY, 200, Map.of(), null),
                row("false positive: relative canonical to itself", GOOD_HEAD + "<link rel=\"canonical\" href=\"17-emma\">",
                        GOOD_BODY, 200, Map.of(), null),
                // noindex
                row("robots noindex", GOOD_HEAD + "<meta name=\"robots\" content=\"noindex, follow\">", GOOD_BODY, 200,
                        Map.of(), ProblemKind.NOINDEX),
                row("googlebot none", GOOD_HEAD + "<meta name=\"googlebot\" content=\"none\">", GOOD_BODY, 200, Map.of(),
                        ProblemKind.NOINDEX),
                row("X-Robots-Tag noindex", GOOD_HEAD, GOOD_BODY, 200, Map.of("x-robots-tag", "googlebot: noindex"),
                        ProblemKind.NOINDEX),
                row("false positive: index, nofollow, noarchive", GOOD_HEAD
                        + "<meta name=\"robots\" content=\"index, nofollow, noarchive\">", GOOD_BODY, 200,
                        Map.of("X-Robots-Tag", "noimageindex"), null),
                // soft 404
                row("200 that says page not found", "<title>Page not found | MedBook</title>"
                        + "<meta name=\"description\" content=\"x\">", "<h1>Not found</h1><p>" + WORDS + "</p>", 200,
                        Map.of(), ProblemKind.SOFT_404),
                row("false positive: a real 404", "<title>Page not found</title>", "<h1>Not found</h1>", 404, Map.of(), null),
                row("false positive: a long article about 404 errors", "<title>How to fix 404 errors</title>"
                        + "<meta name=\"description\" content=\"A guide.\">", "<h1>Fixing 404 errors</h1><p>"
                        + WORDS.repeat(12) + "</p>", 200, Map.of(), null),
                // empty render
                row("the app shell, still loading", GOOD_HEAD, "<div id=\"app\">Loading…</div>", 200, Map.of(),
                        ProblemKind.EMPTY_RENDER),
                row("no body text at all", GOOD_HEAD, "<div id=\"app\"></div><script>x()</script>", 200, Map.of(),
                        ProblemKind.EMPTY_RENDER),
                row("false positive: short but real (20 words)", GOOD_HEAD, "<p>Call us on weekdays from eight to six; we"
                        + " answer questions about appointments, referrals, insurance and directions to our clinic.</p>",
                        200, Map.of(), null),
                // JSON-LD
                row("JSON-LD with a trailing comma", GOOD_HEAD + "<script type=\"application/ld+json\">{\"@type\":\"Physician\","
                        + "}</script>", GOOD_BODY, 200, Map.of(), ProblemKind.JSON_LD_INVALID),
                row("empty JSON-LD", GOOD_HEAD + "<script type=\"application/ld+json\"> </script>", GOOD_BODY, 200, Map.of(),
                        ProblemKind.JSON_LD_INVALID),
                row("false positive: @graph JSON-LD and a plain JSON script that is not JSON-LD", GOOD_HEAD
                        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
                        + "\"Physician\"},{\"@type\":\"BreadcrumbList\"}]}</script><script type=\"application/json\">{x</script>",
                        GOOD_BODY, 200, Map.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void check_page_flagsExactlyTheExpectedProblem(String name, String head, String body, int status,
                                                  Map<String, String> headers, ProblemKind expected) {
        SeoFacts facts = SeoFactsReader.read(URL, status, headers, "<!doctype html><html><head>" + head
                + "</head><body>" + body + "</body></html>");

        List<ProblemKind> kinds = CHECKS.check(facts, RenderInfo.of(800, "htmlunit")).stream().map(Problem::kind).toList();

        if (expected == null) {
            assertThat(kinds).as(name).isEmpty();
        } else {
            assertThat(kinds).as(name).contains(expected);
            assertThat(kinds).as(name + ": only the expected check fires (besides description on title-less rows)")
                    .allMatch(k -> k == expected || k == ProblemKind.DESCRIPTION_MISSING || k == ProblemKind.EMPTY_RENDER
                            || k == ProblemKind.TITLE_MISSING);
        }
    }

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("slower than the budget", RenderInfo.of(3_001, "chromium"), ProblemKind.SLOW_RENDER),
                Arguments.of("false positive: exactly the budget", RenderInfo.of(3_000, "chromium"), null),
                Arguments.of("HtmlUnit that disagreed with Chromium", new RenderInfo(200, "htmlunit", "title, h1"),
                        ProblemKind.ENGINE_DISAGREEMENT),
                Arguments.of("false positive: Chromium rendered it, the route's disagreement does not apply",
                        new RenderInfo(200, "chromium", "title"), null),
                Arguments.of("false positive: HtmlUnit that agreed", new RenderInfo(200, "htmlunit", null), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void check_render_flagsSlowAndDisagreeingRenders(String name, RenderInfo render, ProblemKind expected) {
        SeoFacts facts = SeoFactsReader.read(URL, 200, Map.of(), "<html><head>" + GOOD_HEAD + "</head><body>"
                + GOOD_BODY + "</body></html>");

        List<ProblemKind> kinds = CHECKS.check(facts, render).stream().map(Problem::kind).toList();

        assertThat(kinds).as(name).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void duplicateTitle_onlyWhenOtherPagesShareIt() {
        assertThat(SeoChecks.duplicateTitle("Doctors | MedBook", 2)).get().extracting(Problem::detail)
                .isEqualTo("\"Doctors | MedBook\" is also the title of 2 other pages");
        assertThat(SeoChecks.duplicateTitle("Doctors | MedBook", 0)).isEmpty(); // false positive: unique title
        assertThat(SeoChecks.duplicateTitle(null, 5)).isEmpty();
    }

    @Test
    void check_problems_comeMostSevereFirst() {
        SeoFacts facts = SeoFactsReader.read(URL, 200, Map.of(), "<html><head><meta name=\"description\" content=\""
                + "a".repeat(200) + "\"></head><body>" + GOOD_BODY + "</body></html>");

        assertThat(CHECKS.check(facts, RenderInfo.of(5_000, "chromium"))).extracting(Problem::severity)
                .containsExactly(Severity.ERROR, Severity.WARNING, Severity.NOTICE);
    }

    private static Arguments row(String name, String head, String body, int status, Map<String, String> headers,
                                 ProblemKind expected) {
        return Arguments.of(name, head, body, status, headers, expected);
    }
}
