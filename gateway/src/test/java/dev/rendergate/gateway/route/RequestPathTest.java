package dev.rendergate.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest
    @CsvSource({
        "/, /",
        "/api/items, /api/items",
        "/api/items/, /api/items/",
        "/%61pi/%7Euser, /api/~user",
        "/a%2cb/%3b, /a%2Cb/%3B",
        "/a b/\"q\", /a%20b/%22q%22",
        "/caf\u00c3\u00a9, /caf%C3%A9",
        "/items;v=1/x, /items;v=1/x",
        "/.well-known/x, /.well-known/x",
        "/a.../b, /a.../b",
    })
    void normalises_unreservedDecoded_otherEscapesUpperCase_rawBytesEscaped(String raw, String normalised) {
        assertThat(RequestPath.parse(raw)).isEqualTo(new RequestPath.Checked(normalised));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api", "/..", "/a/../b", "/a/./b", "/a/..;/b", "/a/.;x/b", "/a/%2e%2E/b", "/a/.%2e;p/b",
        "/a/..%3bx/b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "/a%00", "/a\u0001", "/a%0a", "/a%7f", "/a//b",
        "/a%252e%252e/b", "/a%", "/a%4", "/a%zz", "/a%ff", "/a%c0%ae", "/\u0100"})
    void refuses_ambiguousOrMalformed(String raw) {
        assertThat(RequestPath.parse(raw)).as(raw).isInstanceOf(RequestPath.Refused.class);
    }
}
