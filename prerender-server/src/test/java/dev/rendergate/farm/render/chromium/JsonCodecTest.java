package dev.rendergate.farm.render.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    @Test
    void parse_devToolsAnswer_givesMapsListsLongsAndStrings() {
        Object parsed = JsonCodec.parse(
                "{\"id\":7,\"result\":{\"result\":{\"type\":\"string\",\"value\":\"<p>a\\\"b\\u00e9\\n</p>\"},"
                        + "\"list\":[1,2.5,-3e2,true,false,null],\"empty\":{},\"none\":[]}}");

        assertThat(parsed).isEqualTo(Map.of("id", 7L, "result", Map.of(
                "result", Map.of("type", "string", "value", "<p>a\"bé\n</p>"),
                "list", java.util.Arrays.asList(1L, 2.5, -300.0, true, false, null),
                "empty", Map.of(),
                "none", List.of())));
    }

    @Test
    void write_thenParse_roundTripsControlCharactersAndUnicode() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", 1L);
        message.put("method", "Runtime.evaluate");
        message.put("params", Map.of("expression", "a\u0001b\t\"c\"\\ \u2028 ü 🙂"));

        String json = JsonCodec.write(message);

        assertThat(json).startsWith("{\"id\":1,\"method\":\"Runtime.evaluate\"");
        assertThat(json).doesNotContain("\u0001", "\u2028");
        assertThat(JsonCodec.parse(json)).isEqualTo(message);
    }

    @Test
    void parse_malformedOrTooDeep_throwsIllegalArgument() {
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parse("\"\\x\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parse("[".repeat(1000) + "]".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too deep");
    }
}
