package dev.rendergate.gateway.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathTest {

    @ParameterizedTest
    @CsvSource({
        "/, ''",
        "/index.html, index.html",
        "/assets/app.3f9a1c2b.js, assets/app.3f9a1c2b.js",
        "/docs/, docs",
        "/caf%C3%A9.txt, café.txt",
        "/a+b.txt, a+b.txt",
        "/.well-known/security.txt, .well-known/security.txt",
    })
    void parse_safePath_givesRelativeKey(String raw, String relative) {
        assertThat(SitePath.parse(raw)).isEqualTo(new SitePath.Key(relative));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2e/x", "/..%2fx", "/a%2Fb",
        "/..\\x", "/a%5cb", "/x%00.js", "/%00", "/a/./b", "/a//b", "relative", "", "/%zz", "/%c0%ae%c0%ae/x",
        "/%e2%82", "/c:/windows", "/a%0d%0aSet-Cookie:x"})
    void parse_hostilePath_isRejected(String raw) {
        assertThat(SitePath.parse(raw)).isInstanceOf(SitePath.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/a/.htpasswd", "/%2egit/config"})
    void parse_hiddenName_isHidden(String raw) {
        assertThat(SitePath.parse(raw)).isInstanceOf(SitePath.Hidden.class);
    }

    @Test
    void parse_tooManySegments_isRejected() {
        assertThat(SitePath.parse("/a".repeat(SitePath.MAX_SEGMENTS + 1))).isInstanceOf(SitePath.Rejected.class);
    }
}
