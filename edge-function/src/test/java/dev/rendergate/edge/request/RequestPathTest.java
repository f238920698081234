package dev.rendergate.edge.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(quoteCharacter = '\'', value = {
        "/, ''",
        "/doctors/17-jane-doe, ''",
        "/doctors/, ''",
        "/app.js, js",
        "/APP.JS, js",
        "/app%2Ejs, js",
        "/app%2ejs, js",
        "/app.js?v=3, js",
        "/a/b.tar.gz, gz",
        "/v1.2, ''",
        "/doctors/17-dr.-smith, ''",
        "/.env, ''",
        "/trailing., ''",
        "/verylongextension.abcdefghijklmnopq, ''",
        "/x.abcdefghijklmnop, abcdefghijklmnop",
        "/site.webmanifest, webmanifest",
        "/manifest.WEBMANIFEST?v=2, webmanifest",
        "/about.html, html",
        "/dir.js/page, ''",
        "/bad%zzescape.css, css",
    })
    void of_findsTheLastSegmentsExtension(String uri, String extension) {
        assertThat(RequestPath.of(uri).extension()).isEqualTo(extension);
    }

    @ParameterizedTest
    @CsvSource({
        "/%61pi/doctors, /api/doctors",
        "/API/x, /api/x",
        "/caf%C3%A9, /caf%c3%a9",
        "/a%2, /a%2",
    })
    void of_normalisesAsciiEscapesAndCase(String uri, String normalized) {
        assertThat(RequestPath.of(uri).normalized()).isEqualTo(normalized);
    }
}
