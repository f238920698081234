package dev.rendergate.gateway.origin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginPathTest {

    @ParameterizedTest
    @CsvSource({
        "/app.js, /app.js",
        "/assets/app.3f9a1c2b.js, /assets/app.3f9a1c2b.js",
        "/, /index.html",
        "/docs/, /docs/index.html",
        "/a%20b.css, /a%20b.css",
        "/caf%C3%A9.png, /caf%C3%A9.png",
        "/x+y.js, /x%2By.js",
        "/.well-known/security.txt, /.well-known/security.txt",
    })
    void of_safePath_isReEncodedFromItsDecodedSegments(String raw, String forOrigin) {
        assertThat(OriginPath.of(raw)).isEqualTo(forOrigin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret", "/%2e%2e/secret", "/a%2fb", "/a%5cb", "/a\\b", "/a%00", "//x", "/a/./b",
        "/%c0%ae%c0%ae/x", "relative", ""})
    void of_hostilePath_isRefused(String raw) {
        assertThat(OriginPath.of(raw)).isNull();
        assertThat(OriginPath.rejected(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/assets/.htaccess"})
    void of_hiddenName_isNotFoundRatherThanRejected(String raw) {
        assertThat(OriginPath.of(raw)).isNull();
        assertThat(OriginPath.rejected(raw)).isFalse();
    }
}
