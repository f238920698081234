package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachePolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"app.3f9a1c2b.js", "chunk.5e2d9a0c7b1f.css", "index-BkX9z_1a.js", "vendor-C1k3f2Zx.js",
        "logo.0123abcd.svg", "main.a1b2c3d4e5f6a7b8.mjs"})
    void hashedNames_areImmutable(String name) {
        assertThat(CachePolicy.isHashed(name)).isTrue();
        assertThat(CachePolicy.of(name, ContentTypes.of(name))).isEqualTo(CachePolicy.IMMUTABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.js", "style.css", "main-component.js", "logo_v2_final.png", "jquery-3.7.1.min.js",
        "bundle-2024.js", "favicon.svg", "robots.txt"})
    void plainNames_revalidate(String name) {
        assertThat(CachePolicy.isHashed(name)).isFalse();
        assertThat(CachePolicy.of(name, ContentTypes.of(name))).isEqualTo(CachePolicy.REVALIDATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "about.3f9a1c2b.html"})
    void html_isNoCache(String name) {
        assertThat(CachePolicy.of(name, ContentTypes.of(name))).isEqualTo(CachePolicy.HTML);
    }
}
