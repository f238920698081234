package dev.rendergate.farm.render.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "'', /",
        "/doctors/17-emma-schwarz, /doctors/{id}",
        "/doctors/17, /doctors/{id}",
        "/doctors/, /doctors",
        "/Doctors/Ada, /doctors/ada",
        "/cities/berlin/doctors, /cities/berlin/doctors",
        "/blog/how-to-choose-a-doctor, /blog/{id}",
        "/about-us, /about-us",
        "/orders/3f2b8a1c-9d4e-4b7a-8c6d-1e2f3a4b5c6d, /orders/{id}",
        "/a/b/c/d/e/f/g/h/i/j, /a/b/c/d/e/f/g/h/…",
    })
    void fold_foldsIdsAndSlugs_keepsStaticSegments(String path, String template) {
        assertThat(RouteTemplate.fold(path)).isEqualTo(template);
    }

    @Test
    void of_keysBySiteWithExplicitPort_ignoresQuery() {
        RouteTemplate t = RouteTemplate.of(URI.create("https://Www.Example.com/doctors/17-ada?utm_source=x"));
        assertThat(t).isEqualTo(new RouteTemplate("https://www.example.com:443", "/doctors/{id}"));
        assertThat(t.siteWide()).isEqualTo(new RouteTemplate("https://www.example.com:443", "*"));
    }

    @Test
    void fold_longSegment_isAnId() {
        assertThat(RouteTemplate.fold("/p/" + "x".repeat(65))).isEqualTo("/p/{id}");
    }
}
