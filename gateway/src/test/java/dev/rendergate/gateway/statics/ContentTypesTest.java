package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html | text/html; charset=utf-8 | true",
        "app.js | text/javascript; charset=utf-8 | true",
        "mod.MJS | text/javascript; charset=utf-8 | true",
        "style.css | text/css; charset=utf-8 | true",
        "logo.svg | image/svg+xml | true",
        "photo.webp | image/webp | false",
        "font.woff2 | font/woff2 | false",
        "data.json | application/json; charset=utf-8 | true",
        "sitemap.xml | application/xml; charset=utf-8 | true",
        "robots.txt | text/plain; charset=utf-8 | true",
        "site.webmanifest | application/manifest+json; charset=utf-8 | true",
        "archive.unknownext | application/octet-stream | false",
        "Makefile | application/octet-stream | false",
    })
    void typeAndCompressibility(String name, String type, boolean compressible) {
        assertThat(ContentTypes.of(name)).isEqualTo(type);
        assertThat(ContentTypes.compressible(type)).isEqualTo(compressible);
    }
}
