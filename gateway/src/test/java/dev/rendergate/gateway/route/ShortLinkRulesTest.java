package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortLinkRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/doctors/17", "/", "/a?b=c#d", "https://www.example.test/x?y=1", "http://example.test"})
    void validTarget_httpUrlOrSitePath(String target) {
        assertThat(ShortLinkRules.validTarget(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x",
        "/\\\\evil.example", "ftp://files.example/x", "doctors/17", "/a b", "/a\tb", "https://", "", "mailto:a@b.c"})
    void validTarget_anythingElse_isRefused(String target) {
        assertThat(ShortLinkRules.validTarget(target)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/", "/s/a/b", "/s/%2e", "/s/a.b", "/x/abc"})
    void codeOf_noValidCode_isNull(String path) {
        assertThat(ShortLinkRules.codeOf(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A-Z_09", "x"})
    void codeOf_validCode(String code) {
        assertThat(ShortLinkRules.codeOf("/s/" + code)).isEqualTo(code);
    }
}
