package dev.rendergate.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLineEncoderTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void encode_eventWithFields_isOneJsonObjectOnOneLine() {
        LoggingEvent event = new LoggingEvent("x", context.getLogger(AccessLog.LOGGER), Level.INFO,
                "static human GET /a \"quoted\"\nnext", null, null);
        event.setTimeStamp(0);
        event.setKeyValuePairs(List.of(new KeyValuePair("route", "static"), new KeyValuePair("status", 200),
                new KeyValuePair("ms", 1.5), new KeyValuePair("msg", "must not override")));
        String line = new String(new JsonLineEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"ts\":\"1970-01-01T00:00:00Z\",\"level\":\"INFO\",\"logger\":\"rendergate.access\","
                + "\"msg\":\"static human GET /a \\\"quoted\\\"\\nnext\",\"route\":\"static\",\"status\":200,\"ms\":1.5}\n");
    }

    @Test
    void encode_controlCharactersAndOddValues_areValidJson() throws Exception {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("farm"), Level.WARN, "a\u0001b\\c\td", null, null);
        event.setTimeStamp(0);
        event.setKeyValuePairs(List.of(new KeyValuePair("nan", Double.NaN), new KeyValuePair("none", null),
                new KeyValuePair("ok", true), new KeyValuePair("text", new StringBuilder("say \"hi\""))));
        String line = new String(new JsonLineEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("\u0001");
        com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertThat(node.get("msg").asText()).isEqualTo("a\u0001b\\c\td");
        assertThat(node.get("nan").asText()).isEqualTo("NaN");
        assertThat(node.get("none").isNull()).isTrue();
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.get("text").asText()).isEqualTo("say \"hi\"");
    }
}
