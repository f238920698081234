package dev.rendergate.farm.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderPipelineTest {
    private static final URI PAGE = URI.create("http://origin.internal:8080/doctor/17");

    private static RenderPipeline pipeline(String publicOrigin) {
        RenderSettings s = new RenderSettings(Duration.ofSeconds(10), 504, Duration.ofMillis(500), "#app",
                List.of("http://origin.internal:8080"), publicOrigin);
        return new RenderPipeline(null, s, null, () -> true, java.util.Optional::empty);
    }

    @Test
    void location_relative_madeAbsolute() {
        assertThat(pipeline(null).publicLocation(PAGE, "/doctors/17-ada"))
                .isEqualTo("http://origin.internal:8080/doctors/17-ada");
    }

    @Test
    void location_onAllowedOrigin_rewrittenToPublicOrigin() {
        assertThat(pipeline("https://www.example.com").publicLocation(PAGE, "/doctors/17-ada?x=1"))
                .isEqualTo("https://www.example.com/doctors/17-ada?x=1");
    }

    @Test
    void location_elsewhere_leftAlone() {
        assertThat(pipeline("https://www.example.com").publicLocation(PAGE, "https://other.example/a"))
                .isEqualTo("https://other.example/a");
    }

    @Test
    void finish_appliesMetasAndPostProcessing() {
        RenderOutcome.Rendered raw = new RenderOutcome.Rendered("""
                <!DOCTYPE html><html><head><meta name="prerender-status-code" content="301">
                <meta name="prerender-header" content="Location: /doctors/17-ada"><script>x()</script></head>
                <body><div id="app">moved</div></body></html>""", 200, java.util.Map.of(), PAGE, List.of(), "htmlunit");

        RenderOutcome.Rendered done = pipeline("https://www.example.com").finish(raw);

        assertThat(done.status()).isEqualTo(301);
        assertThat(done.headers()).containsEntry("Location", "https://www.example.com/doctors/17-ada");
        assertThat(done.html()).doesNotContain("<script").doesNotContain("prerender-status-code")
                .contains("rendergate-render-id");
    }
}
