package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlUnitValidationTest {
    private final HtmlUnitValidation validation = new HtmlUnitValidation("#app, #root");
    private static final String SHELL = "<div id=\"root\">Loading…</div>";

    private static HtmlUnitValidation.Problem problem(FailureReason reason, String detail) {
        return new HtmlUnitValidation.Problem(reason, detail);
    }

    @Test
    void renderedApp_isGood() {
        assertThat(validation.problem("<div id=\"root\"><h1>Dr. Ada</h1></div>", SHELL, List.of())).isEmpty();
    }

    @Test
    void moduleScript_namesTheScript() {
        assertThat(validation.problem("<div id=\"root\">Loading…</div><script type=\"module\" src=\"/assets/index-abc.js\">"
                + "</script>", SHELL, List.of())).hasValue(problem(FailureReason.UNSUPPORTED_JS,
                "module script /assets/index-abc.js"));
    }

    @Test
    void moduleScript_withNomoduleFallback_isALegacyBuildHtmlUnitRuns() {
        assertThat(validation.problem("<div id=\"root\"><h1>Dr. Ada</h1></div><script type=\"module\" src=\"/a.js\">"
                + "</script><script nomodule src=\"/legacy.js\"></script>", SHELL, List.of())).isEmpty();
    }

    @Test
    void scriptError_isReported() {
        assertThat(validation.problem("<div id=\"root\"><p>x</p></div>", SHELL, List.of("syntax error\nline 3")))
                .hasValue(problem(FailureReason.SCRIPT_ERROR, "syntax error line 3"));
    }

    @Test
    void unchangedLoadingText_isUnrendered() {
        assertThat(validation.problem(SHELL, SHELL, List.of())).hasValue(problem(FailureReason.APP_ROOT_UNRENDERED, "still 'Loading…'"));
    }

    @Test
    void emptyRoot_isEmpty_butAnImageCounts() {
        assertThat(validation.problem("<div id=\"app\"> </div>", "", List.of())).hasValue(problem(FailureReason.APP_ROOT_EMPTY, "#app, #root"));
        assertThat(validation.problem("<div id=\"app\"><img src=\"a.png\"></div>", "", List.of())).isEmpty();
    }

    @Test
    void noRoot_emptyBody_isEmptyPage_contentIsFine() {
        assertThat(validation.problem("<body><script>x</script></body>", "", List.of())).hasValue(problem(FailureReason.EMPTY_PAGE, ""));
        assertThat(validation.problem("<body><main>Text</main></body>", "", List.of())).isEmpty();
    }
}
